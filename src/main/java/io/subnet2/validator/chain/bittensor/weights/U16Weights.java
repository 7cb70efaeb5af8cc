package io.subnet2.validator.chain.bittensor.weights;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import io.subnet2.validator.chain.WeightVector;

/**
 * Weights as the chain takes them: parallel uid and u16 value lists. Converted from floats as the SDK's
 * {@code convert_weights_and_uids_for_emit} does (spec/bittensor.md "Weights"): divide by the largest
 * weight, {@code rint(w·65535)} (Python's round half to even), drop zeros. All-zero input gives empty lists.
 */
public record U16Weights(List<Integer> uids, List<Integer> values) {

    public static final int U16_MAX = 65_535;

    public U16Weights {
        uids = List.copyOf(uids);
        values = List.copyOf(values);
        if (uids.size() != values.size()) {
            throw new IllegalArgumentException(uids.size() + " uids but " + values.size() + " values");
        }
        Set<Integer> seen = new HashSet<>();
        for (int i = 0; i < uids.size(); i++) {
            check(uids.get(i), "uid");
            check(values.get(i), "value");
            if (!seen.add(uids.get(i))) {
                throw new IllegalArgumentException("uid " + uids.get(i) + " appears twice");
            }
        }
    }

    public static U16Weights of(WeightVector vector) {
        double max = 0;
        for (WeightVector.UidWeight w : vector.weights()) {
            if (!Double.isFinite(w.weight()) || w.weight() < 0) {
                throw new IllegalArgumentException("weight of uid " + w.uid() + " is " + w.weight());
            }
            max = Math.max(max, w.weight());
        }
        List<Integer> uids = new ArrayList<>();
        List<Integer> values = new ArrayList<>();
        if (max == 0) {
            return new U16Weights(uids, values);
        }
        for (WeightVector.UidWeight w : vector.weights()) {
            int value = (int) Math.rint(w.weight() / max * U16_MAX);
            if (value != 0) {
                uids.add(w.uid());
                values.add(value);
            }
        }
        return new U16Weights(uids, values);
    }

    public boolean isEmpty() {
        return uids.isEmpty();
    }

    private static void check(Integer v, String what) {
        if (v == null || v < 0 || v > U16_MAX) {
            throw new IllegalArgumentException(what + " " + v + " is not a u16");
        }
    }
}

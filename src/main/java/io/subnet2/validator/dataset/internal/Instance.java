package io.subnet2.validator.dataset.internal;

import java.util.List;
import java.util.function.LongUnaryOperator;

import io.subnet2.validator.dataset.PatternType;

/**
 * An injected instance: members in the canonical order of its type's rule (scoring.md §2), which is
 * the order its ground-truth rows are written in. {@code flagged} is -1 except for proximity_risk.
 */
public record Instance(PatternType type, String id, List<Member> members, long flagged, String flagType) {

    /** hop is the position in the chain from the flagged address (proximity_risk only, else null). */
    public record Member(long address, String role, Integer hop) {
    }

    Instance remap(LongUnaryOperator address) {
        List<Member> mapped = members.stream()
                .map(m -> new Member(address.applyAsLong(m.address()), m.role(), m.hop())).toList();
        return new Instance(type, id, mapped, flagged < 0 ? flagged : address.applyAsLong(flagged), flagType);
    }
}

package io.subnet2.validator.scoring;

/** Recall over the counted instances of one ground-truth pattern_type (integrity.md "Match"). */
public record TypeRecall(int counted, int found, double recall) {

    public static TypeRecall of(int counted, int found) {
        return new TypeRecall(counted, found, counted == 0 ? 0 : (double) found / counted);
    }
}

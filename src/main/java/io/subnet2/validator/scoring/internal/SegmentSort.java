package io.subnet2.validator.scoring.internal;

/** Stable sort of a CSR segment by (neighbour, timestamp), moving row and neighbour together. */
final class SegmentSort {

    private SegmentSort() {
    }

    static void sort(int[] row, int[] nbr, long[] ts, int lo, int hi) {
        int n = hi - lo;
        if (n < 2) {
            return;
        }
        if (n <= 24) {
            insertion(row, nbr, ts, lo, hi);
            return;
        }
        int[] rowTmp = new int[n];
        int[] nbrTmp = new int[n];
        mergeSort(row, nbr, ts, lo, hi, rowTmp, nbrTmp);
    }

    private static boolean less(int nbrA, int rowA, int nbrB, int rowB, long[] ts) {
        return nbrA != nbrB ? nbrA < nbrB : ts[rowA] < ts[rowB];
    }

    private static void insertion(int[] row, int[] nbr, long[] ts, int lo, int hi) {
        for (int i = lo + 1; i < hi; i++) {
            int r = row[i];
            int b = nbr[i];
            int j = i - 1;
            while (j >= lo && less(b, r, nbr[j], row[j], ts)) {
                row[j + 1] = row[j];
                nbr[j + 1] = nbr[j];
                j--;
            }
            row[j + 1] = r;
            nbr[j + 1] = b;
        }
    }

    private static void mergeSort(int[] row, int[] nbr, long[] ts, int lo, int hi, int[] rowTmp, int[] nbrTmp) {
        if (hi - lo <= 24) {
            insertion(row, nbr, ts, lo, hi);
            return;
        }
        int mid = (lo + hi) >>> 1;
        mergeSort(row, nbr, ts, lo, mid, rowTmp, nbrTmp);
        mergeSort(row, nbr, ts, mid, hi, rowTmp, nbrTmp);
        if (!less(nbr[mid], row[mid], nbr[mid - 1], row[mid - 1], ts)) {
            return;
        }
        int n = hi - lo;
        System.arraycopy(row, lo, rowTmp, 0, n);
        System.arraycopy(nbr, lo, nbrTmp, 0, n);
        int i = 0;
        int j = mid - lo;
        int k = lo;
        while (i < mid - lo && j < n) {
            if (less(nbrTmp[j], rowTmp[j], nbrTmp[i], rowTmp[i], ts)) {
                row[k] = rowTmp[j];
                nbr[k++] = nbrTmp[j++];
            } else {
                row[k] = rowTmp[i];
                nbr[k++] = nbrTmp[i++];
            }
        }
        while (i < mid - lo) {
            row[k] = rowTmp[i];
            nbr[k++] = nbrTmp[i++];
        }
        while (j < n) {
            row[k] = rowTmp[j];
            nbr[k++] = nbrTmp[j++];
        }
    }
}

package io.subnet2.validator.scoring.internal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

import org.apache.parquet.format.FileMetaData;
import org.apache.parquet.format.SchemaElement;
import org.apache.parquet.format.Util;
import org.apache.parquet.io.SeekableInputStream;

import io.subnet2.validator.dataset.ChannelInputFile;

/**
 * Bounds a footer's schema before parquet-mr converts it: parquet-mr builds the schema tree
 * recursively, so a 400 KB footer nesting 50,000 groups overflows the stack. The schema is a flat
 * list in the footer (each group gives its number of children); its depth is measured here
 * iteratively, with the row groups skipped.
 */
final class SchemaDepth {

    /** Nested groups allowed; the contract's deepest column (a list of strings) needs 3. */
    static final int MAX_DEPTH = 32;
    /** Schema elements allowed (columns and groups); the contract's files have about a dozen. */
    static final int MAX_ELEMENTS = 10_000;

    private SchemaDepth() {
    }

    static void check(ChannelInputFile input, long size, long footerLength, String label) {
        byte[] footer = new byte[(int) footerLength];
        List<SchemaElement> schema;
        try (SeekableInputStream in = input.newStream()) {
            in.seek(size - 8 - footerLength);
            in.readFully(footer);
            FileMetaData meta = Util.readFileMetaData(new ByteArrayInputStream(footer), true);
            schema = meta.getSchema();
        } catch (IOException | RuntimeException | StackOverflowError e) {
            throw new OutputRejectedException(label + " has an unreadable parquet footer: " + e, e);
        }
        if (schema == null || schema.isEmpty()) {
            throw new OutputRejectedException(label + " has no schema");
        }
        if (schema.size() > MAX_ELEMENTS) {
            throw new OutputRejectedException(label + " has a schema of " + schema.size()
                    + " fields, above the limit of " + MAX_ELEMENTS);
        }
        Deque<int[]> open = new ArrayDeque<>(); // children still expected by each enclosing group
        for (int i = 0; i < schema.size(); i++) {
            if (i > 0) {
                if (open.isEmpty()) {
                    throw new OutputRejectedException(label + " has a schema with more fields than its groups hold");
                }
                open.peek()[0]--;
            }
            SchemaElement element = schema.get(i);
            if (element.isSetNum_children() && element.getNum_children() > 0) {
                open.push(new int[] {element.getNum_children()});
                if (open.size() > MAX_DEPTH) {
                    throw new OutputRejectedException(label + " has a schema nested deeper than the limit of "
                            + MAX_DEPTH + " groups");
                }
            }
            while (!open.isEmpty() && open.peek()[0] == 0) {
                open.pop();
            }
        }
    }
}

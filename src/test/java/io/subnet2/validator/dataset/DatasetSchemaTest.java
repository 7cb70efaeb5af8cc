package io.subnet2.validator.dataset;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.metadata.BlockMetaData;
import org.apache.parquet.hadoop.metadata.ColumnChunkMetaData;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.io.LocalInputFile;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;
import org.apache.parquet.schema.Type;
import org.junit.jupiter.api.Test;

/** The parquet schemas are exactly analyzer-contract.md's, snappy, with dictionary-encoded strings. */
class DatasetSchemaTest {

    private static final String STRING = "string";
    private static final String INT64 = "int64";
    private static final String DECIMAL = "decimal(38,18)";

    private static ParquetFileReader open(Path file) throws IOException {
        return ParquetFileReader.open(new LocalInputFile(file));
    }

    /** "name:kind" per column, kind from the physical type plus logical annotation. */
    private static List<String> describe(MessageType schema) {
        List<String> columns = new ArrayList<>();
        for (Type field : schema.getFields()) {
            PrimitiveType p = field.asPrimitiveType();
            LogicalTypeAnnotation logical = p.getLogicalTypeAnnotation();
            String kind;
            if (logical instanceof LogicalTypeAnnotation.StringLogicalTypeAnnotation
                    && p.getPrimitiveTypeName() == PrimitiveTypeName.BINARY) {
                kind = STRING;
            } else if (logical instanceof LogicalTypeAnnotation.DecimalLogicalTypeAnnotation d
                    && p.getPrimitiveTypeName() == PrimitiveTypeName.FIXED_LEN_BYTE_ARRAY && p.getTypeLength() == 16) {
                kind = "decimal(" + d.getPrecision() + "," + d.getScale() + ")";
            } else if (logical instanceof LogicalTypeAnnotation.DateLogicalTypeAnnotation
                    && p.getPrimitiveTypeName() == PrimitiveTypeName.INT32) {
                kind = "date";
            } else if (logical instanceof LogicalTypeAnnotation.IntLogicalTypeAnnotation i) {
                kind = "int" + i.getBitWidth();
            } else if (logical == null) {
                kind = p.getPrimitiveTypeName().name().toLowerCase();
            } else {
                kind = "unexpected " + logical;
            }
            columns.add(field.getName() + ":" + kind + (field.isRepetition(Type.Repetition.OPTIONAL) ? "?" : ""));
        }
        return columns;
    }

    private static List<String> columnsOf(Path file) throws IOException {
        try (ParquetFileReader reader = open(file)) {
            for (BlockMetaData block : reader.getFooter().getBlocks()) {
                for (ColumnChunkMetaData column : block.getColumns()) {
                    assertThat(column.getCodec()).as(file + " " + column.getPath()).isEqualTo(CompressionCodecName.SNAPPY);
                }
            }
            return describe(reader.getFooter().getFileMetaData().getSchema());
        }
    }

    @Test
    void inputAndGroundTruthSchemasMatchTheContract() throws IOException {
        DatasetLayout layout = TestDatasets.ethereum().layout();
        assertThat(columnsOf(layout.transfers())).containsExactly("tx_id:string", "event_index:string",
                "edge_index:string", "block_height:int64", "block_timestamp:int64", "from_address:string",
                "to_address:string", "asset_symbol:string", "asset_contract:string", "amount:" + DECIMAL,
                "amount_usd:" + DECIMAL, "fee:" + DECIMAL);
        assertThat(columnsOf(layout.addressLabels())).containsExactly("network:string", "network_type:string",
                "address:string", "label:string", "address_type:string", "address_subtype:string",
                "trust_level:string", "source:string", "risk_level:string", "confidence_score:float",
                "created_timestamp:" + INT64, "updated_timestamp:" + INT64);
        assertThat(columnsOf(layout.assets())).containsExactly("asset_symbol:string", "asset_contract:string",
                "network:string", "verified:boolean", "verification_source:string", "first_seen_timestamp:int64");
        assertThat(columnsOf(layout.assetPrices())).containsExactly("asset_symbol:string", "asset_contract:string",
                "price_date:date", "price_usd:" + DECIMAL, "source:string");
        assertThat(columnsOf(layout.groundTruth())).containsExactly("address:string", "role:string",
                "pattern_type:string", "pattern_instance_id:string", "hop_distance:int8?", "flagged_address:string?",
                "flag_type:string?");
    }

    @Test
    void transferStringColumnsAreDictionaryEncodedInEveryRowGroup() throws IOException {
        Set<String> dictionary = Set.of("event_index", "edge_index", "from_address", "to_address", "asset_symbol",
                "asset_contract");
        try (ParquetFileReader reader = open(TestDatasets.ethereum().layout().transfers())) {
            assertThat(reader.getFooter().getBlocks()).isNotEmpty();
            for (BlockMetaData block : reader.getFooter().getBlocks()) {
                for (ColumnChunkMetaData column : block.getColumns()) {
                    String name = column.getPath().toDotString();
                    if (dictionary.contains(name)) {
                        assertThat(column.getEncodingStats().hasDictionaryPages()).as(name).isTrue();
                        assertThat(column.getEncodingStats().hasNonDictionaryEncodedPages()).as(name).isFalse();
                    }
                    if (name.equals("tx_id")) {
                        assertThat(column.getEncodingStats().hasDictionaryPages()).as("tx_id is unique: plain").isFalse();
                    }
                }
            }
        }
    }
}

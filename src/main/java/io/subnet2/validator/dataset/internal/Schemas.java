package io.subnet2.validator.dataset.internal;

import java.util.ArrayList;
import java.util.List;

import org.apache.avro.LogicalTypes;
import org.apache.avro.Schema;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;
import org.apache.parquet.schema.Types;

/** Avro schemas of the dataset files (analyzer-contract.md "Input"); every field is required unless noted. */
public final class Schemas {

    private static final Schema STRING = Schema.create(Schema.Type.STRING);
    private static final Schema LONG = Schema.create(Schema.Type.LONG);
    private static final Schema DECIMAL = LogicalTypes.decimal(Decimal18.PRECISION, Decimal18.SCALE)
            .addToSchema(Schema.createFixed("decimal_38_18", null, "io.subnet2.dataset", Decimal18.BYTES));
    private static final Schema DATE = LogicalTypes.date().addToSchema(Schema.create(Schema.Type.INT));

    public static final Schema TRANSFERS = record("transfer",
            "tx_id", STRING, "event_index", STRING, "edge_index", STRING,
            "block_height", LONG, "block_timestamp", LONG,
            "from_address", STRING, "to_address", STRING, "asset_symbol", STRING, "asset_contract", STRING,
            "amount", DECIMAL, "amount_usd", DECIMAL, "fee", DECIMAL);

    public static final Schema ADDRESS_LABELS = record("address_label",
            "network", STRING, "network_type", STRING, "address", STRING, "label", STRING,
            "address_type", STRING, "address_subtype", STRING, "trust_level", STRING, "source", STRING,
            "risk_level", STRING, "confidence_score", Schema.create(Schema.Type.FLOAT),
            "created_timestamp", LONG, "updated_timestamp", LONG);

    public static final Schema ASSETS = record("asset",
            "asset_symbol", STRING, "asset_contract", STRING, "network", STRING,
            "verified", Schema.create(Schema.Type.BOOLEAN), "verification_source", STRING,
            "first_seen_timestamp", LONG);

    public static final Schema ASSET_PRICES = record("asset_price",
            "asset_symbol", STRING, "asset_contract", STRING, "price_date", DATE,
            "price_usd", DECIMAL, "source", STRING);

    /** hop_distance, flagged_address and flag_type are null except for proximity_risk rows. */
    public static final Schema GROUND_TRUTH = record("ground_truth",
            "address", STRING, "role", STRING, "pattern_type", STRING, "pattern_instance_id", STRING,
            "hop_distance", Schema.createUnion(Schema.create(Schema.Type.NULL), Schema.create(Schema.Type.INT)),
            "flagged_address", Schema.createUnion(Schema.create(Schema.Type.NULL), STRING),
            "flag_type", Schema.createUnion(Schema.create(Schema.Type.NULL), STRING));

    /** The ground truth's parquet schema: Avro has no 8-bit int, so hop_distance is annotated here. */
    public static final MessageType GROUND_TRUTH_PARQUET = Types.buildMessage()
            .required(PrimitiveTypeName.BINARY).as(LogicalTypeAnnotation.stringType()).named("address")
            .required(PrimitiveTypeName.BINARY).as(LogicalTypeAnnotation.stringType()).named("role")
            .required(PrimitiveTypeName.BINARY).as(LogicalTypeAnnotation.stringType()).named("pattern_type")
            .required(PrimitiveTypeName.BINARY).as(LogicalTypeAnnotation.stringType()).named("pattern_instance_id")
            .optional(PrimitiveTypeName.INT32).as(LogicalTypeAnnotation.intType(8, true)).named("hop_distance")
            .optional(PrimitiveTypeName.BINARY).as(LogicalTypeAnnotation.stringType()).named("flagged_address")
            .optional(PrimitiveTypeName.BINARY).as(LogicalTypeAnnotation.stringType()).named("flag_type")
            .named("ground_truth");

    private Schemas() {
    }

    private static Schema record(String name, Object... nameTypePairs) {
        List<Schema.Field> fields = new ArrayList<>();
        for (int i = 0; i < nameTypePairs.length; i += 2) {
            fields.add(new Schema.Field((String) nameTypePairs[i], (Schema) nameTypePairs[i + 1]));
        }
        return Schema.createRecord(name, null, "io.subnet2.dataset", false, fields);
    }
}

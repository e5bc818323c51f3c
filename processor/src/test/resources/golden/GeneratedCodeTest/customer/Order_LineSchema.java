package shop;

import dev.monotable.runtime.internal.AttributeCodecs;
import dev.monotable.runtime.internal.DocumentSchema;
import dev.monotable.runtime.internal.ItemReader;
import dev.monotable.runtime.internal.ItemWriter;
import java.util.Map;
import javax.annotation.processing.Generated;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Maps the document {@link Order.Line} to and from the attributes of a map (M) value. */
@Generated("dev.monotable.processor.MonotableProcessor")
public final class Order_LineSchema implements DocumentSchema<Order.Line> {
    /** The schema; it holds no state. */
    public static final Order_LineSchema INSTANCE = new Order_LineSchema();

    /** The document's name in error messages. */
    public static final String DOCUMENT_TYPE = "Line";

    private Order_LineSchema() {
    }

    @Override
    public String typeName() {
        return DOCUMENT_TYPE;
    }

    @Override
    public Map<String, AttributeValue> toAttributes(Order.Line line) {
        ItemWriter out = ItemWriter.of(DOCUMENT_TYPE);
        out.put(Attributes.SKU, AttributeCodecs.STRING, line.sku());
        out.put(Attributes.QUANTITY, AttributeCodecs.INTEGER, line.quantity());
        return out.attributes();
    }

    @Override
    public Order.Line fromAttributes(Map<String, AttributeValue> attributes) {
        return new Order.Line(
                ItemReader.getString(attributes.get(Attributes.SKU), Attributes.SKU, DOCUMENT_TYPE),
                ItemReader.getInt(attributes.get(Attributes.QUANTITY),
                        Attributes.QUANTITY, DOCUMENT_TYPE));
    }

    /** The attribute of each stored field of {@code Line}, named after the field. */
    public static final class Attributes {
        public static final String SKU = "sku";

        public static final String QUANTITY = "quantity";

        private Attributes() {
        }
    }
}

package dev.chartroom.web;

import org.springframework.boot.jackson.JacksonComponent;
import tools.jackson.core.JsonParser;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.deser.jdk.StringDeserializer;

/**
 * Every string read from a JSON request body is plain text: a NUL character or a UTF-16 surrogate
 * without its partner ({@code "\ud800"}) is refused, since neither database stores them faithfully
 * and no name, id or URL holds them.
 */
@JacksonComponent
class JsonStrings extends StringDeserializer {

    /** The body held a string that is not plain text; answered 400 with {@link #getOriginalMessage()}. */
    static final class NotPlainText extends StreamReadException {
        NotPlainText(JsonParser parser) {
            super(parser, "Text fields may not contain NUL characters or unpaired surrogates.");
        }
    }

    @Override
    public String deserialize(JsonParser parser, DeserializationContext context) {
        String value = super.deserialize(parser, context);
        if (value != null && !plainText(value)) {
            throw new NotPlainText(parser);
        }
        return value;
    }

    static boolean plainText(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == 0) {
                return false;
            }
            if (Character.isHighSurrogate(c)) {
                if (i + 1 == value.length() || !Character.isLowSurrogate(value.charAt(i + 1))) {
                    return false;
                }
                i++;
            } else if (Character.isLowSurrogate(c)) {
                return false;
            }
        }
        return true;
    }
}

package shop.commons.input;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;

/**
 * A JSON string (value or member name) with a NUL character. A Jackson mapping exception, so Jackson
 * records the path to the field ({@code lines[2].note}) on its way out, and the problem can name it.
 */
public class NulCharacterException extends MismatchedInputException {

    public NulCharacterException(JsonParser parser) {
        super(parser, NulCharacters.MESSAGE, String.class);
    }
}

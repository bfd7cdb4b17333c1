package org.partnership.http;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;

/**
 * Request bodies are read strictly, so a body that is not exactly what the client meant is a 400, never a change:
 * anything after the JSON value ({@code {...}}{}) is malformed JSON rather than ignored, and a fraction where a whole
 * number belongs ({@code "likelihood": 2.5}) is a wrong type rather than silently truncated to 2.
 */
@Singleton
public class StrictJson implements ObjectMapperCustomizer {

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
        mapper.disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT);
    }
}

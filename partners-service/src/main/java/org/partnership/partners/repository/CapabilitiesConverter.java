package org.partnership.partners.repository;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import org.partnership.partners.domain.Capability;

import java.util.List;

/** Stores a partner's capabilities as a JSON array in one column (searched through {@code capability_tags}). */
@Converter
public class CapabilitiesConverter implements AttributeConverter<List<Capability>, String> {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final TypeReference<List<Capability>> TYPE = new TypeReference<>() {
    };

    @Override
    public String convertToDatabaseColumn(List<Capability> capabilities) {
        try {
            return MAPPER.writeValueAsString(capabilities == null ? List.of() : capabilities);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("capabilities are not serialisable", e);
        }
    }

    @Override
    public List<Capability> convertToEntityAttribute(String json) {
        try {
            return json == null ? List.of() : MAPPER.readValue(json, TYPE);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored capabilities are not valid JSON", e);
        }
    }
}

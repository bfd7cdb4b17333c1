package org.partnership.projects.domain;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

import java.util.List;

/**
 * Lists stored as JSON arrays in one text column (the resources summary's needs and unallocated risks, an indicator's
 * targets): part of the entity's mapping, like its columns.
 */
public final class JsonConverters {

    private static final ObjectMapper MAPPER = new ObjectMapper().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .registerModule(new com.fasterxml.jackson.datatype.jsr310.JavaTimeModule())
            .disable(com.fasterxml.jackson.databind.SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    private JsonConverters() {
    }

    @Converter
    public static class Needs extends ListConverter<LaunchReadiness.NeedCoverage> {
        public Needs() {
            super(new TypeReference<>() {
            });
        }
    }

    @Converter
    public static class Risks extends ListConverter<LaunchReadiness.UnallocatedRisk> {
        public Risks() {
            super(new TypeReference<>() {
            });
        }
    }

    @Converter
    public static class Reallocations extends ListConverter<LaunchReadiness.Reallocation> {
        public Reallocations() {
            super(new TypeReference<>() {
            });
        }
    }

    @Converter
    public static class Contributions extends ListConverter<Integration.Contribution> {
        public Contributions() {
            super(new TypeReference<>() {
            });
        }
    }

    /** An indicator's dated targets; dates as ISO strings. */
    @Converter
    public static class Targets extends ListConverter<Indicator.Target> {
        public Targets() {
            super(new TypeReference<>() {
            });
        }
    }

    /** A proposal's payload (issue #21). */
    @Converter
    public static class Payload extends ObjectConverter<ProposalPayload> {
        public Payload() {
            super(ProposalPayload.class);
        }
    }

    /** A closed proposal's final tally. */
    @Converter
    public static class FinalTally extends ObjectConverter<Governance.Tally> {
        public FinalTally() {
            super(Governance.Tally.class);
        }
    }

    /** The readiness criteria that failed when a passed launch could not be applied. */
    @Converter
    public static class Criteria extends ListConverter<LaunchReadiness.Criterion> {
        public Criteria() {
            super(new TypeReference<>() {
            });
        }
    }

    abstract static class ObjectConverter<T> implements AttributeConverter<T, String> {

        private final Class<T> type;

        ObjectConverter(Class<T> type) {
            this.type = type;
        }

        @Override
        public String convertToDatabaseColumn(T value) {
            try {
                return value == null ? null : MAPPER.writeValueAsString(value);
            } catch (JsonProcessingException e) {
                throw new IllegalArgumentException("not serialisable as JSON", e);
            }
        }

        @Override
        public T convertToEntityAttribute(String json) {
            try {
                return json == null ? null : MAPPER.readValue(json, type);
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("stored JSON is not valid", e);
            }
        }
    }

    abstract static class ListConverter<T> implements AttributeConverter<List<T>, String> {

        private final TypeReference<List<T>> type;

        ListConverter(TypeReference<List<T>> type) {
            this.type = type;
        }

        @Override
        public String convertToDatabaseColumn(List<T> items) {
            try {
                return MAPPER.writeValueAsString(items == null ? List.of() : items);
            } catch (JsonProcessingException e) {
                throw new IllegalArgumentException("not serialisable as JSON", e);
            }
        }

        @Override
        public List<T> convertToEntityAttribute(String json) {
            try {
                return json == null ? List.of() : MAPPER.readValue(json, type);
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("stored JSON is not valid", e);
            }
        }
    }
}

package dev.attache.ingest.query;

import java.util.ArrayList;
import java.util.List;

import org.apache.olingo.commons.api.edm.Edm;
import org.apache.olingo.commons.api.edm.EdmEntityType;
import org.apache.olingo.commons.api.edm.FullQualifiedName;
import org.apache.olingo.commons.api.edm.provider.CsdlAbstractEdmProvider;
import org.apache.olingo.commons.api.edm.provider.CsdlEntityContainer;
import org.apache.olingo.commons.api.edm.provider.CsdlEntityContainerInfo;
import org.apache.olingo.commons.api.edm.provider.CsdlEntitySet;
import org.apache.olingo.commons.api.edm.provider.CsdlEntityType;
import org.apache.olingo.commons.api.edm.provider.CsdlProperty;
import org.apache.olingo.commons.api.edm.provider.CsdlPropertyRef;
import org.apache.olingo.commons.api.edm.provider.CsdlSchema;
import org.apache.olingo.server.api.OData;
import org.apache.olingo.server.core.ODataImpl;

/**
 * The slice of Graph's metadata that Olingo's URI parser needs to type-check {@code $filter} and {@code $orderby}:
 * the abstract entity type {@code microsoft.graph.attachment}, its derived {@code fileAttachment},
 * {@code itemAttachment} and {@code referenceAttachment}, and one entity set {@code attachments}. Built from
 * {@link AttachmentProperty}, once; the {@link Edm} is shared by all threads.
 */
final class AttachmentEdm {

    static final String ENTITY_SET = "attachments";
    static final FullQualifiedName CONTAINER = new FullQualifiedName(AttachmentType.NAMESPACE, "GraphService");

    /** Constructed directly rather than by {@code OData.newInstance()}'s reflective lookup. */
    static final OData ODATA = new ODataImpl();
    static final Edm EDM = ODATA.createServiceMetadata(new Provider(), List.of()).getEdm();

    static {
        // Olingo builds its EDM objects lazily, filling plain fields; touching everything here, during class
        // initialisation, publishes them safely to every thread that later parses.
        EDM.getEntityContainer().getEntitySet(ENTITY_SET).getEntityType();
        for (AttachmentType type : AttachmentType.values()) {
            EdmEntityType entityType = EDM.getEntityType(fqn(type));
            entityType.getBaseType();
            entityType.getKeyPredicateNames();
            entityType.getKeyPropertyRefs();
            entityType.getNavigationPropertyNames();
            for (String name : entityType.getPropertyNames()) {
                entityType.getStructuralProperty(name).getType();
            }
        }
    }

    private AttachmentEdm() {
    }

    static FullQualifiedName fqn(AttachmentType type) {
        return new FullQualifiedName(AttachmentType.NAMESPACE, type.simpleName());
    }

    private static final class Provider extends CsdlAbstractEdmProvider {

        @Override
        public CsdlEntityType getEntityType(FullQualifiedName name) {
            for (AttachmentType type : AttachmentType.values()) {
                if (fqn(type).equals(name)) {
                    return entityType(type);
                }
            }
            return null;
        }

        private static CsdlEntityType entityType(AttachmentType type) {
            List<CsdlProperty> properties = new ArrayList<>();
            for (AttachmentProperty property : AttachmentProperty.declaredBy(type)) {
                properties.add(new CsdlProperty()
                        .setName(property.propertyName())
                        .setType(property.edmType().getFullQualifiedName())
                        .setNullable(property.nullable()));
            }
            CsdlEntityType entityType = new CsdlEntityType().setName(type.simpleName()).setProperties(properties);
            if (type == AttachmentType.ATTACHMENT) {
                return entityType.setAbstract(true)
                        .setKey(List.of(new CsdlPropertyRef().setName(AttachmentProperty.ID.propertyName())));
            }
            return entityType.setBaseType(fqn(AttachmentType.ATTACHMENT));
        }

        @Override
        public CsdlEntitySet getEntitySet(FullQualifiedName container, String name) {
            if (CONTAINER.equals(container) && ENTITY_SET.equals(name)) {
                return new CsdlEntitySet().setName(ENTITY_SET).setType(fqn(AttachmentType.ATTACHMENT));
            }
            return null;
        }

        @Override
        public CsdlEntityContainer getEntityContainer() {
            return new CsdlEntityContainer().setName(CONTAINER.getName())
                    .setEntitySets(List.of(getEntitySet(CONTAINER, ENTITY_SET)));
        }

        @Override
        public CsdlEntityContainerInfo getEntityContainerInfo(FullQualifiedName name) {
            if (name == null || CONTAINER.equals(name)) {
                return new CsdlEntityContainerInfo().setContainerName(CONTAINER);
            }
            return null;
        }

        @Override
        public List<CsdlSchema> getSchemas() {
            List<CsdlEntityType> types = new ArrayList<>();
            for (AttachmentType type : AttachmentType.values()) {
                types.add(entityType(type));
            }
            CsdlSchema schema = new CsdlSchema().setNamespace(AttachmentType.NAMESPACE);
            schema.setEntityTypes(types);
            schema.setEntityContainer(getEntityContainer());
            return List.of(schema);
        }
    }
}

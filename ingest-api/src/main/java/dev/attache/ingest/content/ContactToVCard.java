package dev.attache.ingest.content;

import static dev.attache.ingest.content.GraphJson.array;
import static dev.attache.ingest.content.GraphJson.lines;
import static dev.attache.ingest.content.GraphJson.oneLine;
import static dev.attache.ingest.content.GraphJson.object;

import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;

import ezvcard.Ezvcard;
import ezvcard.VCard;
import ezvcard.VCardVersion;
import ezvcard.parameter.AddressType;
import ezvcard.parameter.TelephoneType;
import ezvcard.property.Address;
import ezvcard.property.Birthday;
import ezvcard.property.Categories;
import ezvcard.property.Organization;
import ezvcard.property.ProductId;
import ezvcard.property.StructuredName;

/**
 * A {@code contact} as a vCard 4.0 (RFC 6350), built with ez-vcard.
 *
 * <table>
 * <caption>Graph contact → vCard</caption>
 * <tr><td>{@code displayName}, else given, middle and surname, else {@code companyName}, else the first e-mail
 *     address</td><td>FN (required by RFC 6350; empty if the contact has none of these)</td></tr>
 * <tr><td>{@code surname}, {@code givenName}, {@code middleName}, {@code title}, {@code generation}</td>
 *     <td>N (family; given; additional; prefix; suffix)</td></tr>
 * <tr><td>{@code nickName}</td><td>NICKNAME</td></tr>
 * <tr><td>{@code emailAddresses[].address}</td><td>EMAIL</td></tr>
 * <tr><td>{@code businessPhones[]}, {@code mobilePhone}, {@code homePhones[]}</td>
 *     <td>TEL;TYPE=work,voice / cell / home,voice</td></tr>
 * <tr><td>{@code companyName}, {@code department}</td><td>ORG</td></tr>
 * <tr><td>{@code jobTitle}</td><td>TITLE</td></tr>
 * <tr><td>{@code businessAddress}, {@code homeAddress}, {@code otherAddress} (street, city, state, postalCode,
 *     countryOrRegion)</td><td>ADR;TYPE=work / home / none</td></tr>
 * <tr><td>{@code birthday} (date part, UTC)</td><td>BDAY</td></tr>
 * <tr><td>{@code businessHomePage}</td><td>URL</td></tr>
 * <tr><td>{@code categories}</td><td>CATEGORIES</td></tr>
 * <tr><td>{@code personalNotes}</td><td>NOTE</td></tr>
 * </table>
 * Values lose control characters; only NOTE and the street keep line breaks ({@link GraphJson#lines}).
 */
final class ContactToVCard {

    static final String PRODID = "-//attache//Graph item attachment//EN";

    private ContactToVCard() {
    }

    static byte[] render(JsonNode contact) {
        VCard vcard = new VCard(VCardVersion.V4_0);
        vcard.setProductId(new ProductId(PRODID));
        vcard.setFormattedName(formattedName(contact));
        structuredName(contact).ifPresent(vcard::setStructuredName);
        text(contact, "nickName").ifPresent(vcard::setNickname);
        for (JsonNode email : array(contact, "emailAddresses")) {
            text(email, "address").ifPresent(vcard::addEmail);
        }
        texts(contact, "businessPhones")
                .forEach(phone -> vcard.addTelephoneNumber(phone, TelephoneType.WORK, TelephoneType.VOICE));
        text(contact, "mobilePhone").ifPresent(phone -> vcard.addTelephoneNumber(phone, TelephoneType.CELL));
        texts(contact, "homePhones")
                .forEach(phone -> vcard.addTelephoneNumber(phone, TelephoneType.HOME, TelephoneType.VOICE));
        organization(contact).ifPresent(vcard::setOrganization);
        text(contact, "jobTitle").ifPresent(vcard::addTitle);
        address(contact, "businessAddress", AddressType.WORK).ifPresent(vcard::addAddress);
        address(contact, "homeAddress", AddressType.HOME).ifPresent(vcard::addAddress);
        address(contact, "otherAddress", null).ifPresent(vcard::addAddress);
        GraphJson.text(contact, "birthday").flatMap(GraphJson::instant)
                .map(instant -> new Birthday(instant.atOffset(ZoneOffset.UTC).toLocalDate()))
                .ifPresent(vcard::setBirthday);
        text(contact, "businessHomePage").ifPresent(vcard::addUrl);
        List<String> categories = texts(contact, "categories");
        if (!categories.isEmpty()) {
            Categories property = new Categories();
            property.getValues().addAll(categories);
            vcard.setCategories(property);
        }
        GraphJson.text(contact, "personalNotes").map(GraphJson::lines).ifPresent(vcard::addNote);
        // ez-vcard's own PRODID is off: ours is set above
        return Ezvcard.write(vcard).version(VCardVersion.V4_0).prodId(false).go().getBytes(StandardCharsets.UTF_8);
    }

    /** A one-line value of the contact (names, numbers, addresses). */
    private static Optional<String> text(JsonNode object, String... path) {
        return GraphJson.text(object, path).map(GraphJson::oneLine).filter(value -> !value.isEmpty());
    }

    private static List<String> texts(JsonNode object, String name) {
        return GraphJson.texts(object, name).stream().map(GraphJson::oneLine).filter(value -> !value.isEmpty())
                .toList();
    }

    private static String formattedName(JsonNode contact) {
        return text(contact, "displayName")
                .or(() -> joined(contact, " ", "givenName", "middleName", "surname"))
                .or(() -> text(contact, "companyName"))
                .or(() -> array(contact, "emailAddresses").stream()
                        .map(email -> text(email, "address")).flatMap(Optional::stream).findFirst())
                .orElse("");
    }

    private static Optional<StructuredName> structuredName(JsonNode contact) {
        Optional<String> family = text(contact, "surname");
        Optional<String> given = text(contact, "givenName");
        Optional<String> middle = text(contact, "middleName");
        Optional<String> prefix = text(contact, "title");
        Optional<String> suffix = text(contact, "generation");
        if (Stream.of(family, given, middle, prefix, suffix).allMatch(Optional::isEmpty)) {
            return Optional.empty();
        }
        StructuredName name = new StructuredName();
        family.ifPresent(name::setFamily);
        given.ifPresent(name::setGiven);
        middle.ifPresent(name.getAdditionalNames()::add);
        prefix.ifPresent(name.getPrefixes()::add);
        suffix.ifPresent(name.getSuffixes()::add);
        return Optional.of(name);
    }

    private static Optional<Organization> organization(JsonNode contact) {
        Optional<String> company = text(contact, "companyName");
        Optional<String> department = text(contact, "department");
        if (company.isEmpty() && department.isEmpty()) {
            return Optional.empty();
        }
        Organization organization = new Organization();
        organization.getValues().add(company.orElse(""));
        department.ifPresent(organization.getValues()::add);
        return Optional.of(organization);
    }

    /** A Graph {@code physicalAddress}; absent when it has no part. */
    private static Optional<Address> address(JsonNode contact, String name, AddressType type) {
        JsonNode physical = object(contact, name);
        // a street may span lines
        Optional<String> street = GraphJson.text(physical, "street").map(GraphJson::lines);
        Optional<String> city = text(physical, "city");
        Optional<String> state = text(physical, "state");
        Optional<String> postalCode = text(physical, "postalCode");
        Optional<String> country = text(physical, "countryOrRegion");
        if (Stream.of(street, city, state, postalCode, country).allMatch(Optional::isEmpty)) {
            return Optional.empty();
        }
        Address address = new Address();
        street.ifPresent(address::setStreetAddress);
        city.ifPresent(address::setLocality);
        state.ifPresent(address::setRegion);
        postalCode.ifPresent(address::setPostalCode);
        country.ifPresent(address::setCountry);
        if (type != null) {
            address.getTypes().add(type);
        }
        return Optional.of(address);
    }

    private static Optional<String> joined(JsonNode object, String separator, String... names) {
        String joined = Stream.of(names).map(name -> text(object, name)).flatMap(Optional::stream)
                .map(String::trim).collect(Collectors.joining(separator));
        return joined.isEmpty() ? Optional.empty() : Optional.of(joined);
    }
}

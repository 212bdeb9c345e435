package dev.attache.ingest.content;

import static dev.attache.ingest.content.Rendered.render;
import static dev.attache.ingest.content.Rendered.text;
import static dev.attache.ingest.content.Rendered.vcard;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import ezvcard.VCard;
import ezvcard.VCardVersion;
import ezvcard.parameter.AddressType;
import ezvcard.parameter.TelephoneType;
import ezvcard.property.Address;
import ezvcard.property.Email;
import ezvcard.property.Telephone;
import ezvcard.property.TextProperty;

class ContactToVCardTest {

    /** The contact of the Graph docs ("Get contact" response, v1.0), as an item. */
    static final String DOCS_CONTACT = """
            {
              "@odata.type": "#microsoft.graph.contact",
              "id": "AAMkAGI2THk0AAA=",
              "parentFolderId": "AAMkADh6v5AAAvgTCEAAA=",
              "birthday": "1974-07-22T00:00:00Z",
              "fileAs": "",
              "displayName": "Pavel Bansky",
              "givenName": "Pavel",
              "initials": null,
              "middleName": null,
              "nickName": null,
              "surname": "Bansky",
              "title": null,
              "generation": null,
              "emailAddresses": [ { "name": "Pavel Bansky", "address": "pavelb@contoso.onmicrosoft.com" } ],
              "imAddresses": [],
              "jobTitle": null,
              "companyName": null,
              "department": null,
              "officeLocation": null,
              "profession": null,
              "businessHomePage": null,
              "assistantName": null,
              "manager": null,
              "homePhones": [],
              "mobilePhone": null,
              "businessPhones": [ "+1 732 555 0102" ],
              "homeAddress": {},
              "businessAddress": {},
              "otherAddress": {},
              "spouseName": null,
              "personalNotes": null,
              "children": []
            }
            """;

    static final String FULL_CONTACT = """
            {
              "@odata.type": "microsoft.graph.contact",
              "givenName": "Adele", "middleName": "K.", "surname": "Vance", "title": "Dr.", "generation": "Jr.",
              "nickName": "Del",
              "emailAddresses": [ { "address": "adelev@contoso.com", "name": "Adele Vance" },
                                  { "address": "adele@example.org" }, { "name": "no address" } ],
              "businessPhones": [ "+1 425 555 0109", "+1 425 555 0110" ],
              "mobilePhone": "+1 425 555 0111",
              "homePhones": [ "+1 425 555 0112" ],
              "companyName": "Contoso, Ltd.", "department": "Retail; Sales",
              "jobTitle": "Retail Manager",
              "businessAddress": { "street": "18 Main St\\r\\nSuite 100", "city": "Redmond", "state": "WA",
                                   "postalCode": "98052", "countryOrRegion": "United States" },
              "homeAddress": { "city": "Kirkland", "countryOrRegion": "United States" },
              "otherAddress": { "street": "", "city": null },
              "businessHomePage": "https://contoso.com/adele",
              "categories": [ "Blue category", "Green category" ],
              "personalNotes": "Met at Ignite.\\r\\nLikes coffee, tea; not juice."
            }
            """;

    @Test
    void docsExampleBecomesAVCard4() {
        ItemContent content = render(DOCS_CONTACT);

        assertThat(content.contentType()).isEqualTo("text/vcard; charset=utf-8");
        assertThat(text(content)).startsWith("BEGIN:VCARD\r\nVERSION:4.0\r\n").endsWith("END:VCARD\r\n");
        VCard vcard = vcard(content);
        assertThat(vcard.getVersion()).isEqualTo(VCardVersion.V4_0);
        assertThat(vcard.getProductId().getValue()).isEqualTo("-//attache//Graph item attachment//EN");
        assertThat(vcard.getFormattedName().getValue()).isEqualTo("Pavel Bansky");
        assertThat(vcard.getStructuredName().getFamily()).isEqualTo("Bansky");
        assertThat(vcard.getStructuredName().getGiven()).isEqualTo("Pavel");
        assertThat(vcard.getEmails()).extracting(Email::getValue).containsExactly("pavelb@contoso.onmicrosoft.com");
        assertThat(vcard.getTelephoneNumbers()).extracting(Telephone::getText).containsExactly("+1 732 555 0102");
        assertThat(vcard.getTelephoneNumbers().get(0).getTypes())
                .containsExactlyInAnyOrder(TelephoneType.WORK, TelephoneType.VOICE);
        assertThat(vcard.getBirthday().getDate()).isEqualTo(LocalDate.parse("1974-07-22"));
        // nulls, empty arrays and empty addresses are left out
        assertThat(vcard.getAddresses()).isEmpty();
        assertThat(vcard.getOrganization()).isNull();
        assertThat(vcard.getTitles()).isEmpty();
        assertThat(vcard.getNotes()).isEmpty();
        assertThat(vcard.getNickname()).isNull();
    }

    @Test
    void everyMappedField() {
        VCard vcard = vcard(render(FULL_CONTACT));

        // no displayName: given, middle and surname
        assertThat(vcard.getFormattedName().getValue()).isEqualTo("Adele K. Vance");
        assertThat(vcard.getStructuredName().getFamily()).isEqualTo("Vance");
        assertThat(vcard.getStructuredName().getGiven()).isEqualTo("Adele");
        assertThat(vcard.getStructuredName().getAdditionalNames()).containsExactly("K.");
        assertThat(vcard.getStructuredName().getPrefixes()).containsExactly("Dr.");
        assertThat(vcard.getStructuredName().getSuffixes()).containsExactly("Jr.");
        assertThat(vcard.getNickname().getValues()).containsExactly("Del");
        assertThat(vcard.getEmails()).extracting(Email::getValue)
                .containsExactly("adelev@contoso.com", "adele@example.org");

        assertThat(vcard.getTelephoneNumbers()).extracting(Telephone::getText)
                .containsExactly("+1 425 555 0109", "+1 425 555 0110", "+1 425 555 0111", "+1 425 555 0112");
        assertThat(vcard.getTelephoneNumbers()).extracting(Telephone::getTypes).containsExactly(
                java.util.List.of(TelephoneType.WORK, TelephoneType.VOICE),
                java.util.List.of(TelephoneType.WORK, TelephoneType.VOICE),
                java.util.List.of(TelephoneType.CELL),
                java.util.List.of(TelephoneType.HOME, TelephoneType.VOICE));

        assertThat(vcard.getOrganization().getValues()).containsExactly("Contoso, Ltd.", "Retail; Sales");
        assertThat(vcard.getTitles()).extracting(TextProperty::getValue).containsExactly("Retail Manager");

        assertThat(vcard.getAddresses()).hasSize(2);
        Address work = vcard.getAddresses().get(0);
        assertThat(work.getTypes()).containsExactly(AddressType.WORK);
        assertThat(work.getStreetAddress()).isEqualTo("18 Main St\nSuite 100");
        assertThat(work.getLocality()).isEqualTo("Redmond");
        assertThat(work.getRegion()).isEqualTo("WA");
        assertThat(work.getPostalCode()).isEqualTo("98052");
        assertThat(work.getCountry()).isEqualTo("United States");
        Address home = vcard.getAddresses().get(1);
        assertThat(home.getTypes()).containsExactly(AddressType.HOME);
        assertThat(home.getStreetAddress()).isNull();
        assertThat(home.getLocality()).isEqualTo("Kirkland");

        assertThat(vcard.getUrls()).extracting(TextProperty::getValue).containsExactly("https://contoso.com/adele");
        assertThat(vcard.getCategories().getValues()).containsExactly("Blue category", "Green category");
        assertThat(vcard.getNotes()).extracting(TextProperty::getValue)
                .containsExactly("Met at Ignite.\nLikes coffee, tea; not juice.");
    }

    @Test
    void sameItemGivesTheSameBytes() {
        assertThat(render(FULL_CONTACT).bytes()).isEqualTo(render(FULL_CONTACT).bytes());
        assertThat(render(DOCS_CONTACT).bytes()).isEqualTo(render(DOCS_CONTACT).bytes());
    }

    @Test
    void formattedNameFallsBackToTheCompanyThenTheAddressThenEmpty() {
        assertThat(vcard(render("""
                {"@odata.type": "#microsoft.graph.contact", "companyName": "Fabrikam",
                 "emailAddresses": [{"address": "info@fabrikam.com"}]}""")).getFormattedName().getValue())
                .isEqualTo("Fabrikam");
        assertThat(vcard(render("""
                {"@odata.type": "#microsoft.graph.contact",
                 "emailAddresses": [{"name": "x"}, {"address": "info@fabrikam.com"}]}""")).getFormattedName()
                .getValue()).isEqualTo("info@fabrikam.com");

        ItemContent empty = render("{\"@odata.type\": \"#microsoft.graph.contact\"}");
        assertThat(text(empty)).isEqualTo("BEGIN:VCARD\r\nVERSION:4.0\r\nPRODID:-//attache//Graph item attachment//EN"
                + "\r\nFN:\r\nEND:VCARD\r\n");
    }

    @Test
    void nonAsciiAndSpecialCharactersRoundTrip() {
        VCard vcard = vcard(render("""
                {"@odata.type": "#microsoft.graph.contact", "displayName": "Zoë Ångström, Ph.D.; 山田 太郎 🙂",
                 "givenName": "Zoë", "surname": "Ångström\\u0007", "jobTitle": "Chef\\r\\nde cuisine"}"""));

        assertThat(vcard.getFormattedName().getValue()).isEqualTo("Zoë Ångström, Ph.D.; 山田 太郎 🙂");
        assertThat(vcard.getStructuredName().getFamily()).isEqualTo("Ångström");
        assertThat(vcard.getTitles().get(0).getValue()).isEqualTo("Chef de cuisine");
    }

    @Test
    void fieldsOfTheWrongShapeAreLeftOut() {
        VCard vcard = vcard(render("""
                {"@odata.type": "#microsoft.graph.contact", "displayName": {"x": 1}, "emailAddresses": "a@b.c",
                 "businessPhones": "+1 425", "homeAddress": "Main St", "birthday": "sometime",
                 "categories": [1, {"x": 2}, "ok"]}"""));

        assertThat(vcard.getFormattedName().getValue()).isEmpty();
        assertThat(vcard.getEmails()).isEmpty();
        assertThat(vcard.getTelephoneNumbers()).isEmpty();
        assertThat(vcard.getAddresses()).isEmpty();
        assertThat(vcard.getBirthday()).isNull();
        assertThat(vcard.getCategories().getValues()).containsExactly("1", "ok");
    }
}

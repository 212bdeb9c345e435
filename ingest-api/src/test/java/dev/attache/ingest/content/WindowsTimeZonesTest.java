package dev.attache.ingest.content;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.ZoneId;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import net.fortuna.ical4j.model.TimeZoneRegistry;
import net.fortuna.ical4j.model.TimeZoneRegistryFactory;

class WindowsTimeZonesTest {

    @Test
    void everyWindowsZoneOfCldrHasItsGoldenZone() {
        // the territory="001" rows of CLDR's windowsZones.xml
        assertThat(WindowsTimeZones.table()).hasSize(139);
    }

    @Test
    void everyMappedZoneIsKnownToJavaTimeAndBundledByIcal4j() {
        TimeZoneRegistry registry = TimeZoneRegistryFactory.getInstance().createRegistry();
        for (Map.Entry<String, String> row : WindowsTimeZones.table().entrySet()) {
            assertThat(ZoneId.of(row.getValue()).getId()).as(row.getKey()).isEqualTo(row.getValue());
            assertThat(registry.getTimeZone(row.getValue())).as(row.getKey()).isNotNull();
            assertThat(registry.getTimeZone(row.getValue()).getVTimeZone()).as(row.getKey()).isNotNull();
        }
    }

    @ParameterizedTest
    @CsvSource({
            "Pacific Standard Time,          America/Los_Angeles",
            "Eastern Standard Time,          America/New_York",
            "GMT Standard Time,              Europe/London",
            "W. Europe Standard Time,        Europe/Berlin",
            "Romance Standard Time,          Europe/Paris",
            "FLE Standard Time,              Europe/Kyiv",
            "India Standard Time,            Asia/Kolkata",
            "China Standard Time,            Asia/Shanghai",
            "Tokyo Standard Time,            Asia/Tokyo",
            "AUS Eastern Standard Time,      Australia/Sydney",
            "Central America Standard Time,  America/Guatemala",
            "Hawaiian Standard Time,         Pacific/Honolulu",
            "Tonga Standard Time,            Pacific/Tongatapu",
            "Dateline Standard Time,         Etc/GMT+12",
            "UTC,                            Etc/UTC",
            "UTC+12,                         Etc/GMT-12",
            "  eastern standard TIME  ,      America/New_York",
    })
    void mapsWindowsNamesToIana(String windows, String iana) {
        assertThat(WindowsTimeZones.ianaId(windows)).contains(iana);
    }

    @ParameterizedTest
    @ValueSource(strings = {"America/Los_Angeles", "Customized Time Zone", "", "Pacific"})
    void otherNamesAreNotWindowsNames(String name) {
        assertThat(WindowsTimeZones.ianaId(name)).isEmpty();
    }
}

/*
 * The floor for the export benchmark: the least work libical itself needs to turn a
 * list of events into one iCalendar feed with the same properties Samverkan writes.
 * No model, no abstractions: read a TSV of prepared fields, build each VEVENT, serialize
 * it with the reentrant call, write it, free it.
 *
 * TSV columns (\t, \n and \\ escaped): UID, DTSTART (YYYYMMDD or YYYYMMDDTHHMMSS),
 * DTEND, SUMMARY, DESCRIPTION, LOCATION, STATUS, SEQUENCE, DTSTAMP (YYYYMMDD),
 * CATEGORIES, ALARM-MINUTES (0 = none), ALARM-DESCRIPTION.
 *
 * Build: cc -O2 -o libical_floor libical_floor.c $(pkg-config --cflags --libs libical)
 * Run:   ./libical_floor events.tsv out.ics
 */
#include <libical/ical.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define FIELDS 12

static void unescape(char *text) {
    char *out = text;
    for (char *in = text; *in; in++) {
        if (*in == '\\' && in[1]) {
            in++;
            *out++ = *in == 'n' ? '\n' : *in == 't' ? '\t' : *in;
        } else {
            *out++ = *in;
        }
    }
    *out = 0;
}

static struct icaltimetype parse_time(const char *text, icaltimezone *zone) {
    struct icaltimetype value = icaltime_from_string(text);
    if (!value.is_date) value.zone = zone;
    return value;
}

static void add_time(icalcomponent *event, icalproperty *property, struct icaltimetype value) {
    if (!value.is_date) icalproperty_add_parameter(property, icalparameter_new_tzid("Europe/Stockholm"));
    icalcomponent_add_property(event, property);
}

static void write_component(icalcomponent *component, FILE *out) {
    char *text = icalcomponent_as_ical_string_r(component);
    fputs(text, out);
    icalmemory_free_buffer(text);
}

int main(int argc, char **argv) {
    if (argc != 3) {
        fprintf(stderr, "usage: %s EVENTS.tsv OUT.ics\n", argv[0]);
        return 2;
    }
    FILE *in = fopen(argv[1], "r");
    FILE *out = fopen(argv[2], "w");
    if (!in || !out) {
        perror("open");
        return 1;
    }
    icaltimezone *zone = icaltimezone_get_builtin_timezone("Europe/Stockholm");
    icaltimezone *utc = icaltimezone_get_utc_timezone();

    icalcomponent *calendar = icalcomponent_new(ICAL_VCALENDAR_COMPONENT);
    icalcomponent_add_property(calendar, icalproperty_new_version("2.0"));
    icalcomponent_add_property(calendar, icalproperty_new_prodid("-//Samverkan//libical floor//SV"));
    icalcomponent_add_property(calendar, icalproperty_new_name("Familjen Helsingborg"));
    icalcomponent *vtimezone = icalcomponent_new_clone(icaltimezone_get_component(zone));
    icalproperty_set_tzid(icalcomponent_get_first_property(vtimezone, ICAL_TZID_PROPERTY), "Europe/Stockholm");
    icalcomponent_add_component(calendar, vtimezone);
    char *envelope = icalcomponent_as_ical_string_r(calendar);
    char *closing = strstr(envelope, "END:VCALENDAR");
    fwrite(envelope, 1, (size_t)(closing - envelope), out);

    char *line = NULL;
    size_t capacity = 0;
    while (getline(&line, &capacity, in) > 0) {
        line[strcspn(line, "\n")] = 0;
        char *fields[FIELDS];
        int count = 0;
        for (char *cursor = line; count < FIELDS; count++) {
            fields[count] = cursor;
            char *tab = strchr(cursor, '\t');
            if (!tab) {
                count++;
                break;
            }
            *tab = 0;
            cursor = tab + 1;
        }
        if (count != FIELDS) continue;
        for (int i = 0; i < FIELDS; i++) unescape(fields[i]);

        icalcomponent *event = icalcomponent_new(ICAL_VEVENT_COMPONENT);
        icalcomponent_add_property(event, icalproperty_new_uid(fields[0]));
        struct icaltimetype stamp = icaltime_from_string(fields[8]);
        stamp.is_date = 0;
        stamp.zone = utc;
        icalcomponent_add_property(event, icalproperty_new_dtstamp(stamp));
        icalcomponent_add_property(event, icalproperty_new_lastmodified(stamp));
        icalcomponent_add_property(event, icalproperty_new_sequence(atoi(fields[7])));
        struct icaltimetype start = parse_time(fields[1], zone);
        add_time(event, icalproperty_new_dtstart(start), start);
        add_time(event, icalproperty_new_dtend(parse_time(fields[2], zone)), parse_time(fields[2], zone));
        if (start.is_date) icalcomponent_add_property(event, icalproperty_new_transp(ICAL_TRANSP_TRANSPARENT));
        icalcomponent_add_property(event, icalproperty_new_summary(fields[3]));
        icalcomponent_add_property(event, icalproperty_new_description(fields[4]));
        if (*fields[5]) icalcomponent_add_property(event, icalproperty_new_location(fields[5]));
        icalcomponent_add_property(event, icalproperty_new_categories(fields[9]));
        icalcomponent_add_property(
            event, icalproperty_new_status(strcmp(fields[6], "CANCELLED") == 0 ? ICAL_STATUS_CANCELLED
                                                                                 : ICAL_STATUS_CONFIRMED));
        int minutes = atoi(fields[10]);
        if (minutes > 0) {
            icalcomponent *alarm = icalcomponent_new(ICAL_VALARM_COMPONENT);
            icalcomponent_add_property(alarm, icalproperty_new_action(ICAL_ACTION_DISPLAY));
            struct icaltriggertype trigger = {icaltime_null_time(), icaldurationtype_null_duration()};
            trigger.duration.is_neg = 1;
            trigger.duration.hours = (unsigned)(minutes / 60);
            trigger.duration.minutes = (unsigned)(minutes % 60);
            icalcomponent_add_property(alarm, icalproperty_new_trigger(trigger));
            icalcomponent_add_property(alarm, icalproperty_new_description(fields[11]));
            icalcomponent_add_component(event, alarm);
        }
        write_component(event, out);
        icalcomponent_free(event);
    }
    fputs(closing, out);
    icalmemory_free_buffer(envelope);
    icalcomponent_free(calendar);
    free(line);
    fclose(in);
    return fclose(out) == 0 ? 0 : 1;
}

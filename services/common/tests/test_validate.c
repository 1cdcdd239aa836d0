/* Declarative validation: every rule with a passing and a failing case, names, policies. */
#include <check.h>
#include <stdlib.h>
#include <string.h>

#include "svc/validate.h"

static const char *const rollen[] = {"beheerder", "redacteur", "lezer", NULL};

static const svc_field user_fields[] = {
    {"gebruikersnaam", SVC_T_STRING, SVC_REQUIRED, .min = 3, .max = 64},
    {"rol", SVC_T_ENUM, SVC_REQUIRED, .values = rollen},
    {"actielijnen", SVC_T_ARRAY, .max = 5, .items = SVC_T_INTEGER},
    {"email", SVC_T_STRING, SVC_NULLABLE, .max = 254},
    {"actief", .type = SVC_T_BOOLEAN},
    {NULL}};

static const svc_field typed_fields[] = {
    {"tekst", .type = SVC_T_STRING},
    {"kort", SVC_T_STRING, .max = 3},
    {"lang", SVC_T_STRING, .min = 2},
    {"aantal", .type = SVC_T_INTEGER},
    {"cijfer", SVC_T_INTEGER, .min = 1, .max = 5},
    {"temperatuur", SVC_T_INTEGER, .min = -10, .max = -1},
    {"bedrag", .type = SVC_T_NUMBER},
    {"fractie", SVC_T_NUMBER, .min = 0, .max = 1},
    {"vlag", .type = SVC_T_BOOLEAN},
    {"datum", .type = SVC_T_DATE},
    {"tijdstip", .type = SVC_T_DATETIME},
    {"rol", SVC_T_ENUM, .values = rollen},
    {"rollen", SVC_T_ARRAY, .min = 1, .max = 2, .items = SVC_T_ENUM, .values = rollen},
    {"data", SVC_T_ARRAY, .items = SVC_T_DATE},
    {"vrij", SVC_T_ARRAY, .items = SVC_T_ANY},
    {"adres", .type = SVC_T_OBJECT},
    {"wat", .type = SVC_T_ANY},
    {NULL}};

static svc_errors *errs;

static void setup(void) {
    ck_assert_int_eq(svc_errors_new(&errs), 0);
}

static void teardown(void) {
    svc_errors_free(errs);
    errs = NULL;
}

static int validate_text(const char *text, const svc_field *fields, unsigned int policy,
                         const char *prefix) {
    json_error_t jerr;
    json_t *obj = json_loads(text, JSON_DECODE_ANY, &jerr);
    ck_assert_msg(obj != NULL, "test JSON does not parse: %s", jerr.text);
    int n = svc_validate(obj, fields, policy, prefix, errs);
    json_decref(obj);
    return n;
}

/* The problem for name, or NULL. */
static json_t *problem_for(const char *name) {
    size_t i;
    json_t *p;
    json_array_foreach(svc_errors_json(errs), i, p) {
        if (strcmp(json_string_value(json_object_get(p, "name")), name) == 0)
            return p;
    }
    return NULL;
}

static void assert_problem(const char *name, const char *code, const char *reason) {
    json_t *p = problem_for(name);
    ck_assert_msg(p != NULL, "no problem reported for %s", name);
    ck_assert_str_eq(json_string_value(json_object_get(p, "code")), code);
    if (reason != NULL)
        ck_assert_str_eq(json_string_value(json_object_get(p, "reason")), reason);
}

/* Validate {"<field>": <value>} against typed_fields: the code of its one problem or NULL. */
static const char *code_of_value(const char *field, const char *value) {
    size_t size = strlen(field) + strlen(value) + 8;
    char *text = malloc(size);
    ck_assert_ptr_nonnull(text);
    snprintf(text, size, "{\"%s\": %s}", field, value);
    svc_errors_free(errs);
    ck_assert_int_eq(svc_errors_new(&errs), 0);
    int n = validate_text(text, typed_fields, SVC_REJECT_UNKNOWN, NULL);
    free(text);
    ck_assert_int_le(n, 1);
    ck_assert_uint_eq(svc_errors_count(errs), (size_t)n);
    if (n == 0)
        return NULL;
    json_t *p = json_array_get(svc_errors_json(errs), 0);
    ck_assert_str_eq(json_string_value(json_object_get(p, "name")), field);
    return json_string_value(json_object_get(p, "code"));
}

#define assert_accepts(field, value)       ck_assert_ptr_null(code_of_value(field, value))
#define assert_rejects(field, value, code) ck_assert_str_eq(code_of_value(field, value), code)

START_TEST(valid_input_has_no_problems) {
    const char *body = "{\"gebruikersnaam\":\"jan\",\"rol\":\"lezer\",\"actielijnen\":[1,2,5],"
                       "\"email\":null,\"actief\":true}";
    ck_assert_int_eq(validate_text(body, user_fields, SVC_REJECT_UNKNOWN, NULL), 0);
    ck_assert_uint_eq(svc_errors_count(errs), 0);
}
END_TEST

START_TEST(required_field_missing) {
    ck_assert_int_eq(validate_text("{\"rol\":\"lezer\"}", user_fields, 0, NULL), 1);
    assert_problem("gebruikersnaam", "required", "Is verplicht.");
}
END_TEST

START_TEST(optional_field_may_be_absent) {
    ck_assert_int_eq(validate_text("{\"gebruikersnaam\":\"jan\",\"rol\":\"lezer\"}", user_fields,
                                   SVC_REJECT_UNKNOWN, NULL),
                     0);
}
END_TEST

START_TEST(partial_requires_nothing_but_checks_what_is_there) {
    ck_assert_int_eq(validate_text("{}", user_fields, SVC_PARTIAL | SVC_REJECT_UNKNOWN, NULL), 0);
    ck_assert_int_eq(validate_text("{\"rol\":\"baas\",\"x\":1}", user_fields,
                                   SVC_PARTIAL | SVC_REJECT_UNKNOWN, NULL),
                     2);
    assert_problem("rol", "enum", NULL);
    assert_problem("x", "unknown", "Onbekend veld.");
    ck_assert_ptr_null(problem_for("gebruikersnaam"));
}
END_TEST

START_TEST(null_rejected_unless_nullable) {
    ck_assert_int_eq(
        validate_text("{\"gebruikersnaam\":null,\"rol\":\"lezer\"}", user_fields, 0, NULL), 1);
    assert_problem("gebruikersnaam", "null", "Mag niet leeg (null) zijn.");
    teardown();
    setup();
    /* still a problem in a PATCH: null would clear a field that must have a value */
    ck_assert_int_eq(validate_text("{\"actief\":null}", user_fields, SVC_PARTIAL, NULL), 1);
    assert_problem("actief", "null", NULL);
    teardown();
    setup();
    ck_assert_int_eq(validate_text("{\"email\":null}", user_fields, SVC_PARTIAL, NULL), 0);
    assert_accepts("wat", "null");
}
END_TEST

START_TEST(nullable_required_accepts_null_but_not_absence) {
    static const svc_field fields[] = {{"einde", SVC_T_DATE, .flags = SVC_REQUIRED | SVC_NULLABLE},
                                       {NULL}};
    ck_assert_int_eq(validate_text("{\"einde\":null}", fields, 0, NULL), 0);
    ck_assert_int_eq(validate_text("{}", fields, 0, NULL), 1);
    assert_problem("einde", "required", NULL);
}
END_TEST

START_TEST(string_type) {
    assert_accepts("tekst", "\"\"");
    assert_accepts("tekst", "\"hallo\"");
    assert_rejects("tekst", "12", "type");
    ck_assert_str_eq(json_string_value(json_object_get(problem_for("tekst"), "reason")),
                     "Moet een tekst zijn.");
    assert_rejects("tekst", "true", "type");
    assert_rejects("tekst", "[\"a\"]", "type");
    assert_rejects("tekst", "{}", "type");
}
END_TEST

START_TEST(string_length_bounds) {
    char text[200];
    ck_assert_int_eq(
        validate_text("{\"gebruikersnaam\":\"ab\",\"rol\":\"lezer\"}", user_fields, 0, NULL), 1);
    assert_problem("gebruikersnaam", "length", "Moet minstens 3 tekens lang zijn.");
    teardown();
    setup();
    snprintf(text, sizeof(text), "{\"gebruikersnaam\":\"%065d\",\"rol\":\"lezer\"}", 0);
    ck_assert_int_eq(validate_text(text, user_fields, 0, NULL), 1);
    assert_problem("gebruikersnaam", "length", "Mag hoogstens 64 tekens lang zijn.");
    teardown();
    setup();
    snprintf(text, sizeof(text), "{\"gebruikersnaam\":\"%064d\",\"rol\":\"lezer\"}", 0);
    ck_assert_int_eq(validate_text(text, user_fields, 0, NULL), 0);
    ck_assert_int_eq(
        validate_text("{\"gebruikersnaam\":\"abc\",\"rol\":\"lezer\"}", user_fields, 0, NULL), 0);
    /* only a maximum, only a minimum */
    assert_accepts("kort", "\"\"");
    assert_accepts("kort", "\"abc\"");
    assert_rejects("kort", "\"abcd\"", "length");
    assert_rejects("lang", "\"a\"", "length");
    assert_accepts("lang", "\"ab\"");
    char many[3000];
    snprintf(many, sizeof(many), "\"%02000d\"", 0);
    assert_accepts("lang", many);
}
END_TEST

START_TEST(string_length_counts_characters_not_bytes) {
    /* "é" is 2 bytes, "€" 3 bytes, "😀" 4 bytes: each one character */
    assert_accepts("kort", "\"ééé\"");
    assert_accepts("kort", "\"€€€\"");
    assert_accepts("kort", "\"😀😀😀\"");
    assert_accepts("kort", "\"a€😀\"");
    assert_rejects("kort", "\"éééé\"", "length");
    assert_rejects("kort", "\"😀😀😀😀\"", "length");
    /* escaped: two characters */
    assert_rejects("lang", "\"\\u00e9\"", "length");
    assert_accepts("lang", "\"\\u00e9\\ud83d\\ude00\"");
}
END_TEST

START_TEST(string_with_nul_rejected) {
    static const svc_field fields[] = {{"naam", .type = SVC_T_STRING}, {NULL}};
    json_t *obj = json_pack("{s:s%}", "naam", "ab\0cd", (size_t)5);
    ck_assert_ptr_nonnull(obj);
    ck_assert_int_eq(svc_validate(obj, fields, 0, NULL, errs), 1);
    assert_problem("naam", "format", "Mag geen NUL-teken bevatten.");
    json_decref(obj);
}
END_TEST

START_TEST(integer_type) {
    assert_accepts("aantal", "0");
    assert_accepts("aantal", "-42");
    assert_accepts("aantal", "9007199254740993");
    assert_rejects("aantal", "1.5", "type");
    ck_assert_str_eq(json_string_value(json_object_get(problem_for("aantal"), "reason")),
                     "Moet een geheel getal zijn.");
    assert_rejects("aantal", "2.0", "type");
    assert_rejects("aantal", "1e2", "type");
    assert_rejects("aantal", "\"3\"", "type");
    assert_rejects("aantal", "true", "type");
}
END_TEST

START_TEST(integer_range) {
    assert_accepts("cijfer", "1");
    assert_accepts("cijfer", "5");
    assert_rejects("cijfer", "0", "range");
    ck_assert_str_eq(json_string_value(json_object_get(problem_for("cijfer"), "reason")),
                     "Moet tussen 1 en 5 liggen.");
    assert_rejects("cijfer", "6", "range");
    assert_rejects("cijfer", "-9223372036854775807", "range");
    /* a range below zero (max 0 is not "unbounded" when min is set) */
    assert_accepts("temperatuur", "-10");
    assert_accepts("temperatuur", "-1");
    assert_rejects("temperatuur", "0", "range");
    assert_rejects("temperatuur", "-11", "range");
}
END_TEST

START_TEST(number_type_and_range) {
    assert_accepts("bedrag", "1.5");
    assert_accepts("bedrag", "-3");
    assert_accepts("bedrag", "1e300");
    assert_rejects("bedrag", "\"1.5\"", "type");
    ck_assert_str_eq(json_string_value(json_object_get(problem_for("bedrag"), "reason")),
                     "Moet een getal zijn.");
    assert_rejects("bedrag", "false", "type");
    assert_accepts("fractie", "0");
    assert_accepts("fractie", "0.5");
    assert_accepts("fractie", "1.0");
    assert_rejects("fractie", "1.0001", "range");
    assert_rejects("fractie", "-0.01", "range");
}
END_TEST

START_TEST(boolean_type) {
    assert_accepts("vlag", "true");
    assert_accepts("vlag", "false");
    assert_rejects("vlag", "0", "type");
    ck_assert_str_eq(json_string_value(json_object_get(problem_for("vlag"), "reason")),
                     "Moet true of false zijn.");
    assert_rejects("vlag", "\"true\"", "type");
}
END_TEST

START_TEST(date_field) {
    assert_accepts("datum", "\"2024-02-29\"");
    assert_accepts("datum", "\"2000-02-29\"");
    assert_accepts("datum", "\"1999-12-31\"");
    assert_rejects("datum", "\"2023-02-29\"", "format");
    ck_assert_str_eq(json_string_value(json_object_get(problem_for("datum"), "reason")),
                     "Moet een datum zijn (JJJJ-MM-DD).");
    assert_rejects("datum", "\"1900-02-29\"", "format");
    assert_rejects("datum", "\"2024-04-31\"", "format");
    assert_rejects("datum", "\"31-12-2024\"", "format");
    assert_rejects("datum", "20240101", "type");
    ck_assert_str_eq(json_string_value(json_object_get(problem_for("datum"), "reason")),
                     "Moet een datum zijn (JJJJ-MM-DD).");
}
END_TEST

START_TEST(is_date_rules) {
    ck_assert_int_eq(svc_is_date("2024-01-31"), 1);
    ck_assert_int_eq(svc_is_date("2024-12-31"), 1);
    ck_assert_int_eq(svc_is_date("0001-01-01"), 1);
    ck_assert_int_eq(svc_is_date("9999-12-31"), 1);
    ck_assert_int_eq(svc_is_date("2024-02-29"), 1); /* divisible by 4 */
    ck_assert_int_eq(svc_is_date("2000-02-29"), 1); /* divisible by 400 */
    ck_assert_int_eq(svc_is_date("2100-02-29"), 0); /* divisible by 100 */
    ck_assert_int_eq(svc_is_date("2023-02-29"), 0);
    ck_assert_int_eq(svc_is_date("2024-02-30"), 0);
    ck_assert_int_eq(svc_is_date("2024-06-31"), 0);
    ck_assert_int_eq(svc_is_date("2024-00-10"), 0);
    ck_assert_int_eq(svc_is_date("2024-13-10"), 0);
    ck_assert_int_eq(svc_is_date("2024-01-00"), 0);
    ck_assert_int_eq(svc_is_date("2024-01-32"), 0);
    ck_assert_int_eq(svc_is_date("0000-01-01"), 0); /* PostgreSQL has no year 0 */
    ck_assert_int_eq(svc_is_date("2024-1-01"), 0);
    ck_assert_int_eq(svc_is_date("2024-01-1"), 0);
    ck_assert_int_eq(svc_is_date("24-01-01"), 0);
    ck_assert_int_eq(svc_is_date("2024/01/01"), 0);
    ck_assert_int_eq(svc_is_date("2024-01-01 "), 0);
    ck_assert_int_eq(svc_is_date(" 2024-01-01"), 0);
    ck_assert_int_eq(svc_is_date("2024-01-01T00:00:00Z"), 0);
    ck_assert_int_eq(svc_is_date("+2024-01-01"), 0);
    ck_assert_int_eq(svc_is_date("2024-0a-01"), 0);
    ck_assert_int_eq(svc_is_date(""), 0);
    ck_assert_int_eq(svc_is_date(NULL), 0);
}
END_TEST

START_TEST(is_datetime_rules) {
    ck_assert_int_eq(svc_is_datetime("2024-03-01T09:30:00+01:00"), 1);
    ck_assert_int_eq(svc_is_datetime("2024-03-01T09:30:00Z"), 1);
    ck_assert_int_eq(svc_is_datetime("2024-03-01T09:30:00.123456Z"), 1);
    ck_assert_int_eq(svc_is_datetime("2024-03-01T09:30:00.1-05:30"), 1);
    ck_assert_int_eq(svc_is_datetime("2024-03-01t09:30:00z"), 1);
    ck_assert_int_eq(svc_is_datetime("2024-02-29T23:59:59+14:00"), 1);
    ck_assert_int_eq(svc_is_datetime("2016-12-31T23:59:60Z"), 1);      /* leap second */
    ck_assert_int_eq(svc_is_datetime("2017-01-01T00:59:60+01:00"), 1); /* 23:59:60 UTC */
    ck_assert_int_eq(svc_is_datetime("2016-12-31T12:59:60Z"), 0);
    ck_assert_int_eq(svc_is_datetime("2024-03-01T09:30:00"), 0); /* no time zone */
    ck_assert_int_eq(svc_is_datetime("2024-03-01 09:30:00Z"), 0);
    ck_assert_int_eq(svc_is_datetime("2024-03-01T24:00:00Z"), 0);
    ck_assert_int_eq(svc_is_datetime("2024-03-01T09:60:00Z"), 0);
    ck_assert_int_eq(svc_is_datetime("2024-03-01T09:30:61Z"), 0);
    ck_assert_int_eq(svc_is_datetime("2024-03-01T09:30Z"), 0);
    ck_assert_int_eq(svc_is_datetime("2024-03-01T9:30:00Z"), 0);
    ck_assert_int_eq(svc_is_datetime("2024-03-01T09:30:00.Z"), 0);
    ck_assert_int_eq(svc_is_datetime("2024-03-01T09:30:00+0100"), 0);
    ck_assert_int_eq(svc_is_datetime("2024-03-01T09:30:00+01"), 0);
    ck_assert_int_eq(svc_is_datetime("2024-03-01T09:30:00+01:60"), 0);
    ck_assert_int_eq(svc_is_datetime("2024-03-01T09:30:00+16:00"), 0);
    ck_assert_int_eq(svc_is_datetime("2024-03-01T09:30:00Z "), 0);
    ck_assert_int_eq(svc_is_datetime("2024-03-01T09:30:00ZZ"), 0);
    ck_assert_int_eq(svc_is_datetime("2023-02-29T09:30:00Z"), 0);
    ck_assert_int_eq(svc_is_datetime("2024-03-01"), 0);
    ck_assert_int_eq(svc_is_datetime(""), 0);
    ck_assert_int_eq(svc_is_datetime(NULL), 0);
}
END_TEST

START_TEST(datetime_field) {
    assert_accepts("tijdstip", "\"2024-03-01T09:30:00+01:00\"");
    assert_rejects("tijdstip", "\"2024-03-01T09:30:00\"", "format");
    assert_rejects("tijdstip", "\"2024-03-01\"", "format");
    assert_rejects("tijdstip", "1709281800", "type");
}
END_TEST

START_TEST(enum_field) {
    assert_accepts("rol", "\"beheerder\"");
    assert_accepts("rol", "\"lezer\"");
    assert_rejects("rol", "\"admin\"", "enum");
    ck_assert_str_eq(json_string_value(json_object_get(problem_for("rol"), "reason")),
                     "Moet een van: beheerder, redacteur, lezer zijn.");
    assert_rejects("rol", "\"Lezer\"", "enum");
    assert_rejects("rol", "\"\"", "enum");
    assert_rejects("rol", "1", "type");
    ck_assert_str_eq(json_string_value(json_object_get(problem_for("rol"), "reason")),
                     "Moet een van: beheerder, redacteur, lezer zijn.");
}
END_TEST

START_TEST(enum_with_long_value_list_is_cut_readably) {
    static const char *const many[] = {
        "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
        "bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb",
        "cccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccc",
        "dddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddd",
        "eeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeee",
        "ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff",
        "gggggggggggggggggggggggggggggggggggggggggggggggggggggggggggggggggggg",
        "hhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhh",
        NULL};
    static const svc_field fields[] = {{"keuze", SVC_T_ENUM, .values = many}, {NULL}};
    ck_assert_int_eq(validate_text("{\"keuze\":\"x\"}", fields, 0, NULL), 1);
    const char *reason = json_string_value(json_object_get(problem_for("keuze"), "reason"));
    ck_assert_ptr_nonnull(strstr(reason, "Moet een van: aaaa"));
    ck_assert_ptr_nonnull(strstr(reason, ", ... zijn."));
    ck_assert_ptr_null(strstr(reason, "hhhh"));
}
END_TEST

START_TEST(array_type_and_count) {
    assert_accepts("rollen", "[\"lezer\"]");
    assert_accepts("rollen", "[\"lezer\",\"beheerder\"]");
    assert_rejects("rollen", "\"lezer\"", "type");
    ck_assert_str_eq(json_string_value(json_object_get(problem_for("rollen"), "reason")),
                     "Moet een lijst zijn.");
    assert_rejects("rollen", "[]", "length");
    ck_assert_str_eq(json_string_value(json_object_get(problem_for("rollen"), "reason")),
                     "Moet minstens 1 element bevatten.");
    assert_rejects("rollen", "[\"lezer\",\"lezer\",\"lezer\"]", "length");
    ck_assert_str_eq(json_string_value(json_object_get(problem_for("rollen"), "reason")),
                     "Mag hoogstens 2 elementen bevatten.");
    assert_accepts("data", "[]");
    assert_accepts("vrij", "[1,\"a\",null,{}]");
}
END_TEST

START_TEST(array_items_are_named_with_index) {
    ck_assert_int_eq(validate_text("{\"gebruikersnaam\":\"jan\",\"rol\":\"lezer\","
                                   "\"actielijnen\":[1,2,\"drie\",4.5,null]}",
                                   user_fields, 0, NULL),
                     3);
    assert_problem("actielijnen[2]", "type", "Moet een geheel getal zijn.");
    assert_problem("actielijnen[3]", "type", NULL);
    assert_problem("actielijnen[4]", "null", NULL);
    ck_assert_ptr_null(problem_for("actielijnen[0]"));
    ck_assert_ptr_null(problem_for("actielijnen"));
    teardown();
    setup();
    ck_assert_int_eq(validate_text("{\"rollen\":[\"lezer\",\"baas\"],"
                                   "\"data\":[\"2024-01-01\",\"2024-02-30\"]}",
                                   typed_fields, 0, NULL),
                     2);
    assert_problem("rollen[1]", "enum", "Moet een van: beheerder, redacteur, lezer zijn.");
    assert_problem("data[1]", "format", "Moet een datum zijn (JJJJ-MM-DD).");
}
END_TEST

START_TEST(array_too_long_and_bad_items_both_reported) {
    ck_assert_int_eq(validate_text("{\"rollen\":[\"lezer\",\"x\",\"y\"]}", typed_fields, 0, NULL),
                     3);
    assert_problem("rollen", "length", NULL);
    assert_problem("rollen[1]", "enum", NULL);
    assert_problem("rollen[2]", "enum", NULL);
}
END_TEST

START_TEST(nested_object_only_type_checked) {
    assert_accepts("adres", "{}");
    assert_accepts("adres", "{\"postcode\": 12, \"anything\": [null]}");
    assert_rejects("adres", "[]", "type");
    ck_assert_str_eq(json_string_value(json_object_get(problem_for("adres"), "reason")),
                     "Moet een object zijn.");
    assert_rejects("adres", "\"Hengelo\"", "type");
}
END_TEST

START_TEST(any_accepts_everything) {
    assert_accepts("wat", "1");
    assert_accepts("wat", "\"x\"");
    assert_accepts("wat", "[1]");
    assert_accepts("wat", "{\"a\":1}");
    assert_accepts("wat", "false");
}
END_TEST

START_TEST(unknown_fields_policy) {
    const char *body = "{\"gebruikersnaam\":\"jan\",\"rol\":\"lezer\",\"isAdmin\":true,"
                       "\"wachtwoord\":\"x\"}";
    ck_assert_int_eq(validate_text(body, user_fields, 0, NULL), 0);
    ck_assert_int_eq(validate_text(body, user_fields, SVC_REJECT_UNKNOWN, NULL), 2);
    assert_problem("isAdmin", "unknown", "Onbekend veld.");
    assert_problem("wachtwoord", "unknown", "Onbekend veld.");
}
END_TEST

START_TEST(unknown_long_multibyte_name_stays_valid_utf8) {
    /* 300 x "é": the echoed name is cut, but never inside a character */
    char body[1024] = "{\"";
    for (int i = 0; i < 300; i++)
        strcat(body, "\xc3\xa9");
    strcat(body, "\":1}");
    ck_assert_int_eq(validate_text(body, user_fields, SVC_PARTIAL | SVC_REJECT_UNKNOWN, "x"), 1);
    json_t *p = json_array_get(svc_errors_json(errs), 0);
    const char *name = json_string_value(json_object_get(p, "name"));
    ck_assert_str_eq(json_string_value(json_object_get(p, "code")), "unknown");
    ck_assert_int_eq(strncmp(name, "x.\xc3\xa9\xc3\xa9", 6), 0);
    ck_assert_uint_lt(strlen(name), 300);
    ck_assert_uint_eq(strlen(name) % 2, 0); /* "x." plus whole two-byte characters */
}
END_TEST

START_TEST(all_problems_at_once) {
    const char *body = "{\"gebruikersnaam\":\"j\",\"actielijnen\":[1,\"twee\",3,4,5,6],"
                       "\"email\":42,\"actief\":\"ja\",\"extra\":0}";
    ck_assert_int_eq(validate_text(body, user_fields, SVC_REJECT_UNKNOWN, NULL), 7);
    ck_assert_uint_eq(svc_errors_count(errs), 7);
    assert_problem("gebruikersnaam", "length", NULL);
    assert_problem("rol", "required", NULL);
    assert_problem("actielijnen", "length", "Mag hoogstens 5 elementen bevatten.");
    assert_problem("actielijnen[1]", "type", NULL);
    assert_problem("email", "type", NULL);
    assert_problem("actief", "type", NULL);
    assert_problem("extra", "unknown", NULL);
}
END_TEST

START_TEST(returns_only_problems_added_by_this_call) {
    svc_errors_add(errs, "limit", "range", "Moet tussen 1 en 100 liggen.");
    ck_assert_int_eq(validate_text("{\"rol\":\"x\"}", user_fields, 0, NULL), 2);
    ck_assert_uint_eq(svc_errors_count(errs), 3);
}
END_TEST

START_TEST(prefix_names_nested_fields) {
    ck_assert_int_eq(validate_text("{\"rol\":\"x\",\"actielijnen\":[\"a\"],\"y\":1}", user_fields,
                                   SVC_REJECT_UNKNOWN, "gebruiker"),
                     4);
    assert_problem("gebruiker.gebruikersnaam", "required", NULL);
    assert_problem("gebruiker.rol", "enum", NULL);
    assert_problem("gebruiker.actielijnen[0]", "type", NULL);
    assert_problem("gebruiker.y", "unknown", NULL);
}
END_TEST

START_TEST(non_object_is_one_problem) {
    ck_assert_int_eq(validate_text("[1,2]", user_fields, SVC_REJECT_UNKNOWN, NULL), 1);
    assert_problem("body", "type", "Moet een object zijn.");
    ck_assert_int_eq(validate_text("\"tekst\"", user_fields, 0, "adres"), 1);
    assert_problem("adres", "type", "Moet een object zijn.");
    ck_assert_int_eq(svc_validate(NULL, user_fields, 0, NULL, errs), 1);
    ck_assert_uint_eq(svc_errors_count(errs), 3);
}
END_TEST

START_TEST(utf8_length) {
    ck_assert_uint_eq(svc_utf8_length(""), 0);
    ck_assert_uint_eq(svc_utf8_length("abc"), 3);
    ck_assert_uint_eq(svc_utf8_length("\xc3\xa9"), 1);         /* é */
    ck_assert_uint_eq(svc_utf8_length("\xe2\x82\xac"), 1);     /* € */
    ck_assert_uint_eq(svc_utf8_length("\xf0\x9f\x98\x80"), 1); /* 😀 */
    ck_assert_uint_eq(svc_utf8_length("a\xc3\xa9\xe2\x82\xac\xf0\x9f\x98\x80z"), 5);
    ck_assert_uint_eq(svc_utf8_length("Enschede–Hengelo"), 16); /* en dash */
    ck_assert_uint_eq(svc_utf8_length(NULL), 0);
}
END_TEST

START_TEST(uuids_in_the_8_4_4_4_12_form) {
    ck_assert(svc_is_uuid("3fa85f64-5717-4562-b3fc-2c963f66afa6"));
    ck_assert(svc_is_uuid("3FA85F64-5717-4562-B3FC-2C963F66AFA6"));
    ck_assert(!svc_is_uuid(NULL));
    ck_assert(!svc_is_uuid(""));
    ck_assert(!svc_is_uuid("geen-uuid"));
    ck_assert(!svc_is_uuid("3fa85f64571745622b3fc2c963f66afa6"));
    ck_assert(!svc_is_uuid("3fa85f64-5717-4562-b3fc-2c963f66afa"));
    ck_assert(!svc_is_uuid("3fa85f64-5717-4562-b3fc-2c963f66afa6x"));
    ck_assert(!svc_is_uuid("3fa85f64-5717-4562-b3fc-2c963f66afg6"));
    ck_assert(!svc_is_uuid("1' OR '1'='1"));
}
END_TEST

static Suite *validate_suite(void) {
    Suite *s = suite_create("validate");
    TCase *tc = tcase_create("rules");
    tcase_add_checked_fixture(tc, setup, teardown);
    tcase_add_test(tc, uuids_in_the_8_4_4_4_12_form);
    tcase_add_test(tc, valid_input_has_no_problems);
    tcase_add_test(tc, required_field_missing);
    tcase_add_test(tc, optional_field_may_be_absent);
    tcase_add_test(tc, partial_requires_nothing_but_checks_what_is_there);
    tcase_add_test(tc, null_rejected_unless_nullable);
    tcase_add_test(tc, nullable_required_accepts_null_but_not_absence);
    tcase_add_test(tc, string_type);
    tcase_add_test(tc, string_length_bounds);
    tcase_add_test(tc, string_length_counts_characters_not_bytes);
    tcase_add_test(tc, string_with_nul_rejected);
    tcase_add_test(tc, integer_type);
    tcase_add_test(tc, integer_range);
    tcase_add_test(tc, number_type_and_range);
    tcase_add_test(tc, boolean_type);
    tcase_add_test(tc, date_field);
    tcase_add_test(tc, is_date_rules);
    tcase_add_test(tc, is_datetime_rules);
    tcase_add_test(tc, datetime_field);
    tcase_add_test(tc, enum_field);
    tcase_add_test(tc, enum_with_long_value_list_is_cut_readably);
    tcase_add_test(tc, array_type_and_count);
    tcase_add_test(tc, array_items_are_named_with_index);
    tcase_add_test(tc, array_too_long_and_bad_items_both_reported);
    tcase_add_test(tc, nested_object_only_type_checked);
    tcase_add_test(tc, any_accepts_everything);
    tcase_add_test(tc, unknown_fields_policy);
    tcase_add_test(tc, unknown_long_multibyte_name_stays_valid_utf8);
    tcase_add_test(tc, all_problems_at_once);
    tcase_add_test(tc, returns_only_problems_added_by_this_call);
    tcase_add_test(tc, prefix_names_nested_fields);
    tcase_add_test(tc, non_object_is_one_problem);
    tcase_add_test(tc, utf8_length);
    suite_add_tcase(s, tc);
    return s;
}

int main(void) {
    SRunner *sr = srunner_create(validate_suite());
    srunner_run_all(sr, CK_NORMAL);
    int failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}

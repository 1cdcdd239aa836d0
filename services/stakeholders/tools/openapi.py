#!/usr/bin/env python3
"""Generate openapi/stakeholders.json: the component patterns (Problem, API-Version, pagination,
ETag/If-Match, the error responses) are taken from openapi/auth.json, the model document, so that
both stay alike. Run from the repository root: python3 services/stakeholders/tools/openapi.py"""
import copy
import json

auth = json.load(open("openapi/auth.json"))
C = auth["components"]

def ref(kind, name):
    return {"$ref": f"#/components/{kind}/{name}"}

S = lambda n: ref("schemas", n)
R = lambda n: ref("responses", n)
P = lambda n: ref("parameters", n)
H = lambda n: ref("headers", n)

READ, WRITE = "stakeholders:read", "stakeholders:write"
ERR_READ = {"401": R("Unauthorized"), "403": R("Forbidden"), "500": R("InternalServerError"), "503": R("ServiceUnavailable")}

def ok(desc, schema, extra_headers=None, status="200"):
    h = {"API-Version": H("ApiVersion")}
    h.update(extra_headers or {})
    return {status: {"description": desc, "headers": h, "content": {"application/json": {"schema": schema}}}}

def op(tag, oid, summary, desc, scope, responses, params=None, body=None):
    o = {"tags": [tag], "operationId": oid, "summary": summary, "description": desc,
         "security": [{"bearerAuth": [scope]}]}
    if params:
        o["parameters"] = params
    if body:
        o["requestBody"] = {"required": True, "content": {"application/json": {"schema": body}}}
    o["responses"] = dict(sorted(responses.items()))
    return o

def q(name, desc, schema):
    return {"name": name, "in": "query", "required": False, "description": desc, "schema": schema}

UUID = {"type": "string", "format": "uuid"}
def nullable(schema):
    return {"oneOf": [schema, {"type": "null"}]}
def text(mn, mx, desc=None):
    s = {"type": "string", "minLength": mn, "maxLength": mx}
    if desc:
        s["description"] = desc
    return s

def list_op(tag, oid, summary, desc, page_schema, filters):
    return op(tag, oid, summary, desc, READ,
              {**ok("Een pagina.", S(page_schema), {"Link": H("Link")}), "400": R("BadRequest"), **ERR_READ},
              [P("Limit"), P("Cursor")] + filters)

def crud(tag, coll, name, schema, new_schema, change_schema, extra_delete="", what="het object"):
    paths = {}
    paths[f"/{coll}"] = {"post": op(tag, f"{name}Aanmaken", f"{tag[:-1] if tag.endswith('s') else tag} aanmaken",
        f"Legt {what} vast; 201 met `Location` en `ETag`. Rol `redacteur` of `beheerder`.", WRITE,
        {**ok("Aangemaakt.", S(schema), {"Location": H("Location"), "ETag": H("ETag")}, "201"),
         "400": R("BadRequest"), "409": R("Conflict"), "413": R("PayloadTooLarge"),
         "415": R("UnsupportedMediaType"), **ERR_READ}, body=S(new_schema))}
    item = {
        "parameters": [P("Id")],
        "get": op(tag, f"{name}Opvragen", f"{what[0].upper()}{what[1:]} opvragen", "Met `ETag`.", READ,
                  {**ok("Gevonden.", S(schema), {"ETag": H("ETag")}), "404": R("NotFound"), **ERR_READ}),
    }
    if change_schema:
        item["patch"] = op(tag, f"{name}Wijzigen", f"{what[0].upper()}{what[1:]} wijzigen",
            "Wijzigt alleen de meegestuurde velden (`null` wist een veld). `If-Match` verplicht.", WRITE,
            {**ok("Gewijzigd.", S(schema), {"ETag": H("ETag")}), "400": R("BadRequest"), "404": R("NotFound"),
             "409": R("Conflict"), "412": R("PreconditionFailed"), "413": R("PayloadTooLarge"),
             "415": R("UnsupportedMediaType"), "428": R("PreconditionRequired"), **ERR_READ},
            [P("IfMatch")], S(change_schema))
    item["delete"] = op(tag, f"{name}Verwijderen", f"{what[0].upper()}{what[1:]} verwijderen",
        ("Rol `redacteur` of `beheerder`. `If-Match` is optioneel; wordt het meegestuurd, dan moet het kloppen (anders 412). " + extra_delete).strip(),
        WRITE, {"204": R("NoContent"), "404": R("NotFound"), "409": R("Conflict"), "412": R("PreconditionFailed"), **ERR_READ},
        None)
    paths[f"/{coll}/{{id}}"] = item
    return paths

paths = {}
# organisations
paths.update(crud("Organisaties", "organisaties", "organisatie", "Organisatie", "OrganisatieNieuw", "OrganisatieWijziging",
    "Een organisatie waar nog personen, zetels of betrokkenheden naar verwijzen wordt geweigerd met 409; het probleem noemt ze in `afhankelijkheden`.",
    "een organisatie"))
paths["/organisaties"]["get"] = list_op("Organisaties", "organisatiesZoeken", "Organisaties zoeken",
    "Gesorteerd op naam (zonder hoofdletters en accenten), gepagineerd.", "OrganisatiesPagina", [
        q("zoek", "Deel van de naam of sector, ongeacht hoofdletters en accenten.", text(1, 100)),
        q("type", "Alleen organisaties van dit type.", S("OrganisatieType")),
        q("cbsCode", "De gemeente met deze CBS-code.", S("CbsCode"))])
paths["/organisaties/{id}"]["delete"]["responses"]["409"] = {"description": "Er verwijst nog iets naar de organisatie.",
    "headers": {"API-Version": H("ApiVersion")},
    "content": {"application/problem+json": {"schema": S("AfhankelijkhedenProbleem")}}}
# people
paths.update(crud("Personen", "personen", "persoon", "Persoon", "PersoonNieuw", "PersoonWijziging", "", "een persoon"))
paths["/personen"]["get"] = list_op("Personen", "personenZoeken", "Personen zoeken", "Gesorteerd op naam, gepagineerd.",
    "PersonenPagina", [q("zoek", "Deel van de naam, ongeacht hoofdletters en accenten.", text(1, 100)),
                       q("organisatieId", "Alleen personen van deze organisatie.", UUID)])
d = paths["/personen/{id}"]["delete"]
d["operationId"] = "persoonWissen"
d["summary"] = "Persoon wissen (AVG)"
d["description"] = ("Wist een persoon op verzoek (AVG, recht op vergetelheid); alleen rol `beheerder`. In één transactie: de zetels "
    "van de persoon worden vacatures (een gedeelde zetel houdt de andere persoon), betrokkenheden en inbreng worden verwijderd, "
    "de persoon wordt verwijderd en de audittrail wordt geschoond (id, naam, e-mail en telefoon vervangen door `[gewist]`). "
    "De audittrail legt vast dat een persoon gewist is, niet wie.")
d["parameters"] = []
del d["responses"]["409"], d["responses"]["412"]
paths["/personen/{id}/export"] = {"parameters": [P("Id")], "get": op("Personen", "persoonExporteren", "Persoonsgegevens exporteren (AVG)",
    "Alle gegevens over één persoon als JSON (inzage- en overdraagbaarheidsrecht): de persoon, zetels, betrokkenheden, inbreng en de auditregels over de persoon. Alleen rol `beheerder`.",
    READ, {**ok("De export.", S("PersoonExport"), {"Content-Disposition": H("ContentDisposition")}), "404": R("NotFound"), **ERR_READ})}
# bodies
paths.update(crud("Gremia", "gremia", "gremium", "Gremium", "GremiumNieuw", "GremiumWijziging",
    "Verwijdert ook de zetels en achterbanraadplegingen van het gremium.", "een gremium"))
paths["/gremia"]["get"] = list_op("Gremia", "gremiaZoeken", "Gremia zoeken", "Gesorteerd op naam, gepagineerd.", "GremiaPagina", [
    q("zoek", "Deel van de naam.", text(1, 100)), q("soort", "Alleen gremia van deze soort.", S("GremiumSoort")),
    q("actielijn", "Alleen gremia van deze actielijn.", S("Actielijn"))])
# seats
paths.update(crud("Zetels", "zetels", "zetel", "Zetel", "ZetelNieuw", "ZetelWijziging", "", "een zetel"))
paths["/zetels"]["get"] = list_op("Zetels", "zetelsZoeken", "Zetels zoeken", "Gesorteerd op volgorde, gepagineerd.", "ZetelsPagina", [
    q("gremiumId", "Alleen zetels van dit gremium.", UUID), q("persoonId", "Alleen zetels van deze persoon.", UUID),
    q("organisatieId", "Alleen zetels die deze organisatie vertegenwoordigen.", UUID),
    q("vacature", "Alleen vacatures (`true`) of bezette zetels (`false`).", {"type": "boolean"})])
paths["/vacatures"] = {"get": op("Zetels", "vacaturesOverzicht", "Vacatureoverzicht",
    "Open zetels (niemand, of de periode is voorbij) en zetels die binnen `binnenDagen` dagen vrijkomen (einddatum), over alle gremia.",
    READ, {**ok("Het overzicht.", S("Vacatureoverzicht")), "400": R("BadRequest"), **ERR_READ},
    [q("binnenDagen", "Zetels die binnen zoveel dagen vrijkomen tellen mee (standaard 90).", {"type": "integer", "minimum": 0, "maximum": 3650, "default": 90}),
     q("gremiumId", "Alleen dit gremium.", UUID)])}
# involvements
inv = crud("Betrokkenheden", "betrokkenheden", "betrokkenheid", "Betrokkenheid", "BetrokkenheidNieuw", "BetrokkenheidWijziging", "", "een betrokkenheid")
paths.update(inv)
paths["/betrokkenheden"]["get"] = list_op("Betrokkenheden", "betrokkenhedenZoeken", "Betrokkenheden zoeken",
    "Beide kanten op: wie is betrokken bij project X (`doelType`+`doelId`), waar is organisatie Y betrokken (`organisatieId`).",
    "BetrokkenhedenPagina", [q("doelType", "Soort doel.", S("DoelType")), q("doelId", "Id van het doel (met `doelType`).", text(1, 100)),
        q("organisatieId", "Betrokkenheden van deze organisatie.", UUID), q("persoonId", "Betrokkenheden van deze persoon.", UUID),
        q("rol", "Alleen deze rol.", S("BetrokkenheidRol"))])
paths["/netwerk"] = {"get": op("Betrokkenheden", "netwerkOpvragen", "Netwerk opvragen",
    "Knopen (organisaties, personen, gremia, actielijnen en de genoemde projecten en programma's) en verbindingen (werkt bij, zetel, vertegenwoordigd in, hoort bij, betrokken) voor een netwerkweergave.",
    READ, {**ok("Het netwerk.", S("Netwerk")), **ERR_READ})}
# rounds
paths.update(crud("Achterbanraadplegingen", "achterbanraadplegingen", "achterbanraadpleging", "Achterbanraadpleging",
    "AchterbanraadplegingNieuw", "AchterbanraadplegingWijziging", "Verwijdert ook de inbreng.", "een achterbanraadpleging"))
paths["/achterbanraadplegingen"]["get"] = list_op("Achterbanraadplegingen", "achterbanraadplegingenZoeken", "Achterbanraadplegingen zoeken",
    "Gesorteerd op sessiedatum, gepagineerd.", "AchterbanraadplegingenPagina", [q("gremiumId", "Alleen van dit gremium.", UUID)])
paths["/achterbanraadplegingen/{id}/inbreng"] = {"parameters": [P("Id")], "post": op("Achterbanraadplegingen", "inbrengVastleggen", "Inbreng vastleggen",
    "De inbreng van een lid (een persoon met een zetel in het gremium op de sessiedatum). Een tweede inbreng van dezelfde persoon geeft 409. Antwoordt met de raadpleging.",
    WRITE, {**ok("Vastgelegd.", S("Achterbanraadpleging"), {"Location": H("Location"), "ETag": H("ETag")}, "201"),
            "400": R("BadRequest"), "404": R("NotFound"), "409": R("Conflict"), "413": R("PayloadTooLarge"),
            "415": R("UnsupportedMediaType"), **ERR_READ}, body=S("InbrengNieuw"))}
paths["/achterbanraadplegingen/{id}/inbreng/{persoonId}"] = {"parameters": [P("Id"), {"name": "persoonId", "in": "path", "required": True,
    "description": "De id van de persoon.", "schema": UUID}], "delete": op("Achterbanraadplegingen", "inbrengVerwijderen", "Inbreng verwijderen",
    "Rol `redacteur` of `beheerder`.", WRITE, {"204": R("NoContent"), "404": R("NotFound"), **ERR_READ})}
# audit and operations, from auth.json
paths["/audit"] = copy.deepcopy(auth["paths"]["/audit"])
a = paths["/audit"]["get"]
a["description"] = "Alle wijzigingen, nieuwste eerst, gepagineerd. Na het wissen van een persoon staan diens gegevens er niet meer in."
a["security"] = [{"bearerAuth": [READ]}]
for prm in a["parameters"]:
    if prm.get("name") == "objectType":
        prm["description"] = "Alleen wijzigingen van dit soort object."
        prm["schema"] = {"type": "string", "enum": ["organisatie", "persoon", "gremium", "zetel", "betrokkenheid", "achterbanraadpleging", "inbreng", "seed"]}
    if prm.get("name") == "objectId":
        prm["description"] = "Alleen wijzigingen van dit object (zijn id)."
a["tags"] = ["Audit"]
for p in ["/health", "/health/ready", "/metrics", "/openapi.json"]:
    paths[p] = copy.deepcopy(auth["paths"][p])

def obj(props, required=(), desc=None, extra=True):
    s = {"type": "object", "properties": props}
    if required:
        s["required"] = list(required)
    if desc:
        s["description"] = desc
    s["additionalProperties"] = False
    return s

def page(member, item):
    return obj({member: {"type": "array", "items": S(item)}, "volgende": S("Volgende")}, [member, "volgende"], f"Een pagina {member}.")

ORG_TYPES = ["gemeente", "zorgaanbieder", "onderwijs", "gecertificeerde_instelling", "jgz", "clientvertegenwoordiging",
             "kennisinstituut", "financier", "regionale_organisatie", "rijk", "ketenpartner", "adviesbureau", "overig"]
ref_obj = obj({"id": UUID, "naam": {"type": "string"}}, ["id", "naam"])
schemas = {k: copy.deepcopy(C["schemas"][k]) for k in ["Problem", "InvalidParam", "Volgende", "AuditRegel", "AuditPagina", "Gezondheid"]}
code = {"type": "string", "pattern": "^[a-z0-9][a-z0-9-]{1,63}$", "description": "Stabiele sleutel (slug), bijvoorbeeld uit de seed."}
schemas.update({
    "OrganisatieType": {"type": "string", "enum": ORG_TYPES, "description": "Soort organisatie."},
    "CbsCode": {"type": "string", "pattern": "^GM[0-9]{4}$", "description": "CBS-gemeentecode: GM en vier cijfers.", "example": "GM0153"},
    "Actielijn": {"type": "integer", "minimum": 1, "maximum": 5, "description": "Nummer van een actielijn (1..5)."},
    "GremiumSoort": {"type": "string", "enum": ["kernteam", "werkgroep", "stuurgroep", "actielijnteam", "bestuur", "platform", "projectgroep", "klankbordgroep", "overig"]},
    "ZetelRol": {"type": "string", "enum": ["voorzitter", "lid", "trekker", "secretaris", "adviseur", "plaatsvervanger"]},
    "BetrokkenheidRol": {"type": "string", "enum": ["trekker", "opdrachtgever", "deelnemer", "financier", "uitvoerder", "adviseur"]},
    "DoelType": {"type": "string", "enum": ["actielijn", "project", "programma"], "description": "Een actielijn (1..5) of een project of programma van de portfoliodienst (zijn id)."},
    "Organisatie": obj({"id": UUID, "code": nullable(code), "naam": {"type": "string"}, "type": S("OrganisatieType"),
        "sector": nullable({"type": "string"}), "website": nullable({"type": "string"}), "cbsCode": nullable(S("CbsCode")),
        "inwoners": nullable({"type": "integer"}), "gewijzigdOp": {"type": "string", "format": "date-time"}},
        ["id", "code", "naam", "type", "sector", "website", "cbsCode", "inwoners", "gewijzigdOp"], "Een organisatie; een gemeente heeft een CBS-code en inwoners."),
    "OrganisatieNieuw": obj({"code": nullable(code), "naam": text(1, 200), "type": S("OrganisatieType"), "sector": nullable(text(1, 200)),
        "website": nullable({"type": "string", "maxLength": 500, "pattern": "^https?://\\S+$"}), "cbsCode": nullable(S("CbsCode")),
        "inwoners": nullable({"type": "integer", "minimum": 0})}, ["naam", "type"], "Een gemeente heeft een unieke CBS-code; een andere organisatie geen."),
    "Persoon": obj({"id": UUID, "naam": {"type": "string"}, "organisatieId": nullable(UUID), "organisatieNaam": nullable({"type": "string"}),
        "functie": nullable({"type": "string"}), "email": nullable({"type": "string"}), "telefoon": nullable({"type": "string"})},
        ["id", "naam", "organisatieId", "organisatieNaam", "functie", "email", "telefoon"], "Minimale persoonsgegevens."),
    "PersoonNieuw": obj({"naam": text(1, 200), "organisatieId": nullable(UUID), "functie": nullable(text(1, 200)),
        "email": nullable({"type": "string", "maxLength": 254, "pattern": "^[^@\\s]+@[^@\\s]+$"}),
        "telefoon": nullable({"type": "string", "pattern": "^\\+?[0-9 ()-]{6,20}$"})}, ["naam"]),
    "PersoonExport": obj({"exportdatum": {"type": "string", "format": "date-time"}, "persoon": {"type": "object"},
        "zetels": {"type": "array", "items": S("Zetel")}, "betrokkenheden": {"type": "array", "items": {"type": "object"}},
        "inbreng": {"type": "array", "items": {"type": "object"}}, "audit": {"type": "array", "items": {"type": "object"}}},
        ["exportdatum", "persoon", "zetels", "betrokkenheden", "inbreng", "audit"], "Alle gegevens over één persoon."),
    "Gremium": obj({"id": UUID, "code": nullable(code), "naam": {"type": "string"}, "soort": S("GremiumSoort"),
        "vergaderfrequentieWeken": nullable({"type": "integer"}), "actielijnen": {"type": "array", "items": S("Actielijn")},
        "programmaId": nullable({"type": "string"}), "omschrijving": nullable({"type": "string"}),
        "voorzitters": {"type": "array", "items": ref_obj, "description": "De personen op zetels met de rol voorzitter."},
        "aantalZetels": {"type": "integer"}, "aantalVacatures": {"type": "integer"}},
        ["id", "code", "naam", "soort", "vergaderfrequentieWeken", "actielijnen", "programmaId", "omschrijving", "voorzitters", "aantalZetels", "aantalVacatures"]),
    "GremiumNieuw": obj({"code": nullable(code), "naam": text(1, 200), "soort": S("GremiumSoort"),
        "vergaderfrequentieWeken": nullable({"type": "integer", "minimum": 1, "maximum": 52, "description": "Eens per zoveel weken."}),
        "actielijnen": {"type": "array", "maxItems": 5, "uniqueItems": True, "items": S("Actielijn")},
        "programmaId": nullable(text(1, 100, "Id van een programma van de portfoliodienst.")), "omschrijving": nullable(text(1, 2000))}, ["naam", "soort"]),
    "Zetel": obj({"id": UUID, "code": nullable(code), "gremiumId": UUID, "gremiumNaam": {"type": "string"}, "volgorde": {"type": "integer"},
        "rol": S("ZetelRol"), "achterban": nullable({"type": "string"}), "startdatum": nullable({"type": "string", "format": "date"}),
        "einddatum": nullable({"type": "string", "format": "date"}), "toelichting": nullable({"type": "string"}),
        "personen": {"type": "array", "maxItems": 2, "items": ref_obj}, "organisaties": {"type": "array", "items": ref_obj},
        "gedeeld": {"type": "boolean", "description": "Twee personen delen de zetel."},
        "vacature": {"type": "boolean", "description": "Niemand op de zetel, of de periode is voorbij."}},
        ["id", "code", "gremiumId", "gremiumNaam", "volgorde", "rol", "achterban", "startdatum", "einddatum", "toelichting", "personen", "organisaties", "gedeeld", "vacature"]),
    "ZetelNieuw": obj({"gremiumId": UUID, "volgorde": {"type": "integer", "minimum": 0}, "rol": S("ZetelRol"),
        "achterban": nullable(text(1, 200, "De achterban of het perspectief, bijvoorbeeld \"Cliëntperspectief (jongeren)\".")),
        "startdatum": nullable({"type": "string", "format": "date"}), "einddatum": nullable({"type": "string", "format": "date"}),
        "toelichting": nullable(text(1, 1000)), "personen": {"type": "array", "maxItems": 2, "uniqueItems": True, "items": UUID, "description": "Geen (vacature), één of twee (gedeelde zetel) personen."},
        "organisatieIds": {"type": "array", "maxItems": 5, "uniqueItems": True, "items": UUID}}, ["gremiumId", "rol"]),
    "Vacatureoverzicht": obj({"peildatum": {"type": "string", "format": "date"}, "binnenDagen": {"type": "integer"},
        "vacatures": {"type": "array", "items": obj({"status": {"type": "string", "enum": ["open", "binnenkort"]},
            "vrijVanaf": nullable({"type": "string", "format": "date"}), "zetel": S("Zetel")}, ["status", "vrijVanaf", "zetel"])}},
        ["peildatum", "binnenDagen", "vacatures"]),
    "Betrokkenheid": obj({"id": UUID, "organisatieId": nullable(UUID), "organisatieNaam": nullable({"type": "string"}),
        "persoonId": nullable(UUID), "persoonNaam": nullable({"type": "string"}), "doelType": S("DoelType"), "doelId": {"type": "string"},
        "rol": S("BetrokkenheidRol"), "toelichting": nullable({"type": "string"})},
        ["id", "organisatieId", "organisatieNaam", "persoonId", "persoonNaam", "doelType", "doelId", "rol", "toelichting"]),
    "BetrokkenheidNieuw": obj({"organisatieId": nullable(UUID), "persoonId": nullable(UUID), "doelType": S("DoelType"),
        "doelId": {"type": "string", "pattern": "^[A-Za-z0-9._:-]{1,100}$", "description": "Bij een actielijn \"1\" tot en met \"5\"; anders de id uit de portfoliodienst."},
        "rol": S("BetrokkenheidRol"), "toelichting": nullable(text(1, 1000))}, ["doelType", "doelId", "rol"],
        "Precies één van `organisatieId` en `persoonId`."),
    "BetrokkenheidWijziging": obj({"rol": S("BetrokkenheidRol"), "toelichting": nullable(text(1, 1000))}),
    "Netwerk": obj({"knopen": {"type": "array", "items": obj({"id": {"type": "string"}, "soort": {"type": "string"},
        "label": {"type": "string"}, "type": nullable({"type": "string"})}, ["id", "soort", "label", "type"])},
        "verbindingen": {"type": "array", "items": obj({"bron": {"type": "string"}, "doel": {"type": "string"},
        "soort": {"type": "string"}, "rol": nullable({"type": "string"})}, ["bron", "doel", "soort", "rol"])}}, ["knopen", "verbindingen"]),
    "Achterbanraadpleging": obj({"id": UUID, "gremiumId": UUID, "gremiumNaam": {"type": "string"}, "sessiedatum": {"type": "string", "format": "date"},
        "verzenddatum": {"type": "string", "format": "date"}, "inbrengUiterlijk": {"type": "string", "format": "date"}, "onderwerp": nullable({"type": "string"}),
        "gereageerd": {"type": "array", "items": obj({"persoonId": UUID, "naam": {"type": "string"}, "achterban": nullable({"type": "string"}),
            "tekst": {"type": "string"}, "ontvangenOp": {"type": "string", "format": "date"}, "opTijd": {"type": "boolean"}},
            ["persoonId", "naam", "achterban", "tekst", "ontvangenOp", "opTijd"])},
        "nietGereageerd": {"type": "array", "items": obj({"persoonId": UUID, "naam": {"type": "string"}, "achterban": nullable({"type": "string"})},
            ["persoonId", "naam", "achterban"])}},
        ["id", "gremiumId", "gremiumNaam", "sessiedatum", "verzenddatum", "inbrengUiterlijk", "onderwerp", "gereageerd", "nietGereageerd"],
        "Leden zijn de personen met een zetel in het gremium op de sessiedatum."),
    "AchterbanraadplegingNieuw": obj({"gremiumId": UUID, "sessiedatum": {"type": "string", "format": "date"},
        "verzenddatum": {"type": "string", "format": "date", "description": "Standaard een week na de sessie."},
        "inbrengUiterlijk": {"type": "string", "format": "date", "description": "Standaard een week na de verzending."},
        "onderwerp": nullable(text(1, 300))}, ["gremiumId", "sessiedatum"]),
    "InbrengNieuw": obj({"persoonId": UUID, "tekst": text(1, 10000), "ontvangenOp": {"type": "string", "format": "date", "description": "Standaard vandaag."}},
        ["persoonId", "tekst"]),
    "AfhankelijkhedenProbleem": {"allOf": [S("Problem"), {"type": "object", "properties": {"afhankelijkheden": obj({
        "personen": {"type": "integer"}, "zetels": {"type": "integer"}, "betrokkenheden": {"type": "integer"}},
        ["personen", "zetels", "betrokkenheden"])}}]},
})
def partial(name):
    s = copy.deepcopy(schemas[name])
    s.pop("required", None)
    s["description"] = "Alleen de velden die wijzigen."
    return s
schemas["OrganisatieWijziging"] = partial("OrganisatieNieuw")
schemas["PersoonWijziging"] = partial("PersoonNieuw")
schemas["GremiumWijziging"] = partial("GremiumNieuw")
schemas["ZetelWijziging"] = partial("ZetelNieuw")
w = partial("AchterbanraadplegingNieuw")
del w["properties"]["gremiumId"]
schemas["AchterbanraadplegingWijziging"] = w
for member, item in [("organisaties", "Organisatie"), ("personen", "Persoon"), ("gremia", "Gremium"), ("zetels", "Zetel"),
                     ("betrokkenheden", "Betrokkenheid"), ("achterbanraadplegingen", "Achterbanraadpleging")]:
    schemas[member[0].upper() + member[1:] + "Pagina"] = page(member, item)

params = {k: copy.deepcopy(C["parameters"][k]) for k in ["Id", "Limit", "Cursor", "IfMatch"]}
headers = {k: copy.deepcopy(C["headers"][k]) for k in ["ApiVersion", "ETag", "Location", "Link", "RetryAfter", "WwwAuthenticate"]}
headers["ContentDisposition"] = {"description": "`attachment` met een bestandsnaam.", "schema": {"type": "string"}}
responses = {k: copy.deepcopy(v) for k, v in C["responses"].items() if k not in ("Sessie", "Gebruiker", "Client", "TooManyRequests")}

def fix_examples(node):
    if isinstance(node, dict):
        for k, v in list(node.items()):
            if k == "instance" and isinstance(v, str):
                node[k] = v.replace("/api/auth/v1/gebruikers", "/api/stakeholders/v1/organisaties").replace("/api/auth/v1", "/api/stakeholders/v1")
            else:
                fix_examples(v)
    elif isinstance(node, list):
        for v in node:
            fix_examples(v)
fix_examples(responses)
responses["BadRequest"]["content"]["application/problem+json"]["example"]["invalidParams"] = [
    {"name": "cbsCode", "code": "format", "reason": "Moet een CBS-gemeentecode zijn: GM en vier cijfers (GM0153)."},
    {"name": "type", "code": "enum", "reason": "Moet een van: gemeente, zorgaanbieder, ... zijn."}]

sec = copy.deepcopy(C["securitySchemes"]["bearerAuth"])
sec["description"] = ("Toegangstoken (JWT) van de authdienst of de eigen identiteitsdienst, in `Authorization: Bearer …`. Lezen vereist "
    "`stakeholders:read`; wijzigen `stakeholders:write` en de rol `redacteur` of `beheerder` (anders 403); exporteren en wissen van een persoon de rol `beheerder`.")
doc = {
    "openapi": "3.1.0",
    "info": {"title": "Stakeholders API – Jeugdhulp Twente", "version": "1.0.0",
             "summary": "Organisaties, personen, gremia, zetels en vacatures, betrokkenheid en achterbanraadplegingen.",
             "description": ("Wie zit waar, wie vertegenwoordigt wie, welke zetels zijn leeg, en wie is betrokken bij welke actielijn, welk project of programma. "
                 "Projecten en programma's zijn ids van de portfoliodienst; actielijnen hun nummer (1..5); gemeenten hun CBS-code.\n\n"
                 + auth["info"]["description"].split("\n\n", 1)[1]),
             "contact": auth["info"]["contact"]},
    "servers": [{"url": "/api/stakeholders/v1", "description": "Via de gateway van de eigen installatie."}],
    "tags": [{"name": n, "description": d} for n, d in [
        ("Organisaties", "Gemeenten (met CBS-code), zorgaanbieders, onderwijs, ketenpartners, ..."),
        ("Personen", "Minimale persoonsgegevens; export en wissen (AVG) door een beheerder."),
        ("Gremia", "Kernteam, werkgroep, stuurgroep, actielijnteams en governance-organen."),
        ("Zetels", "Zetels in gremia, gedeelde zetels en vacatures."),
        ("Betrokkenheden", "Betrokkenheid bij actielijnen, projecten en programma's; het netwerk."),
        ("Achterbanraadplegingen", "Raadpleging van de achterban na een sessie, met inbreng per lid."),
        ("Audit", "Audittrail van deze dienst."),
        ("Bedrijfsvoering", "Status, metrieken en dit document; zonder aanmelding.")]],
    "security": [{"bearerAuth": []}],
    "paths": paths,
    "components": {"securitySchemes": {"bearerAuth": sec}, "headers": headers, "parameters": params,
                   "responses": responses, "schemas": schemas},
}
for p in ["/health", "/health/ready", "/metrics", "/openapi.json"]:
    for o in doc["paths"][p].values():
        if isinstance(o, dict) and "tags" in o:
            o["tags"] = ["Bedrijfsvoering"]
with open("openapi/stakeholders.json", "w", encoding="utf-8") as f:
    json.dump(doc, f, ensure_ascii=False, indent=2)
    f.write("\n")

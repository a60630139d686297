"""Words of the school year's life in the wizard (Beheer > Jaarovergang): the overview,
what every screen shares, and the first screen (Nieuw schooljaar klaarzetten); the
promote and switch screens are in :mod:`year_life_steps`."""

from __future__ import annotations

from typing import Final

TEXTS: Final[dict[str, dict[str, str]]] = {
    # what every screen of the life shares
    "year_life.nav": {
        "nl": "Het schooljaar, stap voor stap",
        "en": "The school year, step by step",
    },
    "year_life.column.part": {"nl": "Onderdeel", "en": "Part"},
    "year_life.explain_heading": {"nl": "Wat dit onderdeel doet", "en": "What this part does"},
    "year_life.state.partly": {
        "nl": "deels toegepast",
        "en": "partly applied",
    },
    "year_life.promoted_departments": {
        "nl": "(alleen afdeling {departments})",
        "en": "(department {departments} only)",
    },
    "year_life.current_year": {"nl": "Huidig schooljaar", "en": "Current school year"},
    "year_life.prepared_year": {"nl": "Klaargezet schooljaar", "en": "Prepared school year"},
    "year_life.none_prepared": {
        "nl": "nog geen ({next} is het volgende)",
        "en": "none yet ({next} is next)",
    },
    "year_life.prognoses_plan": {
        "nl": "Schooljaar {year} staat klaar naast dit schooljaar: de prognoses plannen dat jaar.",
        "en": "School year {year} has been prepared beside this one: the prognoses plan it.",
    },
    "year_life.needs_prepared": {
        "nl": "Er staat nog geen nieuw schooljaar klaar. Dit onderdeel vult het klaargezette "
        "schooljaar; het huidige schooljaar {current} blijft zoals het is. Zet eerst "
        "schooljaar {next} klaar.",
        "en": "No new school year has been prepared yet. This part fills the prepared school "
        "year; the current school year {current} stays as it is. Prepare school year {next} "
        "first.",
    },
    "year_life.go_prepare": {
        "nl": "Naar: schooljaar {year} klaarzetten",
        "en": "Go to: prepare school year {year}",
    },
    "year_life.go_next": {"nl": "Verder met: {what}", "en": "Continue with: {what}"},
    "year_life.all_done": {
        "nl": "Schooljaar {year} is het huidige schooljaar: alle onderdelen zijn gedaan. In "
        "het voorjaar zet u hier het volgende schooljaar klaar.",
        "en": "School year {year} is the current school year: every part is done. In spring you "
        "prepare the next school year here.",
    },
    "year_life.switched_early": {
        "nl": "Schooljaar {year} is het huidige schooljaar; er is gewisseld voordat alle "
        "onderdelen waren toegepast (zie hieronder en het logboek voor de reden).",
        "en": "School year {year} is the current school year; it was switched to before every "
        "part had been applied (see below, and the audit log for the reason).",
    },
    "year_life.step_fills": {
        "nl": "Deze stap vult schooljaar {year}, dat klaarstaat naast het huidige schooljaar "
        "{current}. Het huidige schooljaar loopt gewoon door.",
        "en": "This step fills school year {year}, prepared beside the current school year "
        "{current}. The current school year carries on as it is.",
    },
    "year_life.confirm_missing": {
        "nl": "Vink eerst aan dat u dit wilt; er is nog niets opgeslagen.",
        "en": "Tick first that you want this; nothing has been saved yet.",
    },
    "year_life.undone": {
        "nl": "Ongedaan gemaakt: wijzigingenset {changeset} is teruggedraaid ({count} "
        "wijzigingen), vastgelegd als wijzigingenset {undo}.",
        "en": "Undone: change set {changeset} was reversed ({count} changes), recorded as "
        "change set {undo}.",
    },
    "year_life.undo_stale": {
        "nl": "Wijzigingenset {changeset} hoort niet bij dit scherm of is al ongedaan gemaakt. "
        "Laad de pagina opnieuw om de huidige stand te zien.",
        "en": "Change set {changeset} does not belong to this screen or has been undone "
        "already. Reload the page to see where things stand.",
    },
    # the summaries of prepare, promote and switch on the overview
    "year_life.summary.current": {"nl": "naast schooljaar", "en": "beside school year"},
    "year_life.summary.without_prognosis": {
        "nl": "leerlingen zonder prognose",
        "en": "students without a prognosis",
    },
    "year_life.summary.previous": {"nl": "vorig schooljaar", "en": "previous school year"},
    "year_life.summary.forced": {
        "nl": "gewisseld zonder alle stappen",
        "en": "switched without every step",
    },
    "year_life.summary.reason": {"nl": "reden", "en": "reason"},
    "year_life.summary.steps_not_applied": {
        "nl": "stappen niet toegepast",
        "en": "steps not applied",
    },
    "year_life.summary.links_added": {"nl": "koppelingen gemaakt", "en": "links made"},
    "year_life.summary.links_removed": {"nl": "koppelingen weggehaald", "en": "links removed"},
    "year_life.summary.history": {
        "nl": "groepen van het jaar ervoor (geschiedenis)",
        "en": "groups of the year before (history)",
    },
    "year_life.summary.departments_changed": {
        "nl": "afdelingen met andere instellingen",
        "en": "departments with other settings",
    },
    # Nieuw schooljaar klaarzetten
    "year_life.explain.prepare": {
        "nl": "Zet schooljaar {year} klaar naast het huidige schooljaar {current}. Alle "
        "afdelingen gaan mee, met hun naam, stamklasindeling (portal of desktop leidend), "
        "keuzevakken en keuzeperiode. Daarna kunt u per afdeling iets veranderen dat alleen "
        "voor {year} geldt, of een afdeling toevoegen die er pas in {year} is. Teamleiders "
        "en mentoren vullen intussen de prognoses voor {year} in; daarna zet u de "
        "leerlingen door.",
        "en": "Prepares school year {year} beside the current school year {current}. Every "
        "department carries over, with its name, home-class lead (portal or project leads), "
        "subjects and choice window. Afterwards you can change a department for {year} only, "
        "or add one that exists from {year} on. Meanwhile team leaders and mentors enter the "
        "prognoses for {year}; then you promote the students.",
    },
    "year_life.explain.prepare_never": {
        "nl": "Het huidige schooljaar {current} verandert niet: afdelingen, groepen, "
        "leerlingen en hun gegevens blijven zoals ze zijn tot u wisselt.",
        "en": "The current school year {current} does not change: departments, groups, "
        "students and their data stay as they are until you switch.",
    },
    "year_life.explain.prepare_undo": {
        "nl": "Klaarzetten is één wijzigingenset. Zolang er daarna niets anders is toegepast, "
        "maakt u het hier ongedaan: {year} staat dan niet meer klaar. Een wijziging van een "
        "afdeling maakt u op dezelfde manier ongedaan.",
        "en": "Preparing is one change set. As long as nothing else has been applied after "
        "it, you undo it here: {year} is then no longer prepared. A department's change is "
        "undone the same way.",
    },
    "year_life.departments_carry_over": {
        "nl": "Voorbeeld: deze {count} afdelingen gaan mee naar {year}",
        "en": "Preview: these {count} departments carry over into {year}",
    },
    "year_life.departments_prepared": {
        "nl": "Afdelingen in {year}: {count}, waarvan {open} open",
        "en": "Departments in {year}: {count}, {open} of them open",
    },
    "year_life.departments_caption": {
        "nl": "Afdelingen in schooljaar {year}",
        "en": "Departments in school year {year}",
    },
    "year_life.column.open": {"nl": "Open of dicht", "en": "Open or closed"},
    "year_life.closed": {"nl": "dicht", "en": "closed"},
    "year_life.column.window": {"nl": "Keuzeperiode", "en": "Choice window"},
    "year_life.column.students_now": {
        "nl": "Leerlingen in {year}",
        "en": "Students in {year}",
    },
    "year_life.column.compared": {"nl": "Ten opzichte van {year}", "en": "Compared to {year}"},
    "year_life.compared.changed": {"nl": "gewijzigd", "en": "changed"},
    "year_life.compared.same": {"nl": "hetzelfde", "en": "the same"},
    "year_life.confirm.prepare": {
        "nl": "Ik wil schooljaar {year} klaarzetten naast het huidige schooljaar",
        "en": "I want to prepare school year {year} beside the current one",
    },
    "year_life.prepare_button": {"nl": "{year} klaarzetten", "en": "Prepare {year}"},
    "year_life.prepared": {
        "nl": "Schooljaar {year} staat klaar naast {current}, vastgelegd als wijzigingenset "
        "{changeset}. Pas hieronder afdelingen aan voor {year}, of ga verder met doorzetten.",
        "en": "School year {year} is prepared beside {current}, recorded as change set "
        "{changeset}. Change departments for {year} below, or continue with promoting.",
    },
    "year_life.prepared_already": {
        "nl": "Schooljaar {year} stond al klaar; er is niets veranderd.",
        "en": "School year {year} was prepared already; nothing changed.",
    },
    "year_life.undo_prepare": {"nl": "Klaarzetten ongedaan maken", "en": "Undo preparing"},
    "year_life.undo_prepare_help": {
        "nl": "{year} staat dan niet meer klaar; het huidige schooljaar merkt er niets van.",
        "en": "{year} is then no longer prepared; the current school year notices nothing.",
    },
    "year_life.change_heading": {
        "nl": "Een afdeling wijzigen voor {year}",
        "en": "Change a department for {year}",
    },
    "year_life.change_help": {
        "nl": "Wat u hier wijzigt, geldt alleen voor {year}; in {current} blijft de afdeling "
        "zoals ze is. Een dichte afdeling krijgt in {year} geen leerlingen.",
        "en": "What you change here holds for {year} only; in {current} the department stays "
        "as it is. A closed department gets no students in {year}.",
    },
    "year_life.change_department": {
        "nl": "{code} · {name}: wijzigen voor {year}",
        "en": "{code} · {name}: change for {year}",
    },
    "year_life.field.open": {"nl": "Open of dicht in {year}", "en": "Open or closed in {year}"},
    "year_life.save_for": {"nl": "Opslaan voor {year}", "en": "Save for {year}"},
    "year_life.department_changed": {
        "nl": "Afdeling {code} is gewijzigd voor {year} (alleen dat schooljaar), vastgelegd "
        "als wijzigingenset {changeset}.",
        "en": "Department {code} has been changed for {year} (that school year only), "
        "recorded as change set {changeset}.",
    },
    "year_life.department_added": {
        "nl": "Afdeling {code} is toegevoegd voor {year}; in het huidige schooljaar bestaat "
        "ze niet. Vastgelegd als wijzigingenset {changeset}.",
        "en": "Department {code} has been added for {year}; it does not exist in the current "
        "school year. Recorded as change set {changeset}.",
    },
    "year_life.department_not_saved": {
        "nl": "{code} is niet opgeslagen; verbeter het veld met de melding.",
        "en": "{code} has not been saved; correct the field with the message.",
    },
    "year_life.new_department": {"nl": "De nieuwe afdeling", "en": "The new department"},
    "year_life.undo_department": {
        "nl": "Wijziging van afdeling {code} ongedaan maken",
        "en": "Undo the change of department {code}",
    },
    "year_life.undo_department_help": {
        "nl": "De afdeling wordt in {year} weer zoals ze was; een toegevoegde afdeling verdwijnt "
        "weer.",
        "en": "The department becomes in {year} as it was; an added department goes again.",
    },
    "year_life.add_heading": {
        "nl": "Een afdeling toevoegen voor {year}",
        "en": "Add a department for {year}",
    },
    "year_life.add_help": {
        "nl": "Een afdeling die er pas in {year} is. In {current} staat ze nergens; na het "
        "wisselen is ze open.",
        "en": "A department that exists from {year} on. In {current} it is shown nowhere; "
        "after the switch it is open.",
    },
    "year_life.code_help": {
        "nl": "Leerjaar en letters, zoals 1T of 4TTO; het leerjaar is het eerste cijfer.",
        "en": "Year of study and letters, such as 1T or 4TTO; the year of study is the first "
        "digit.",
    },
    "year_life.branch": {"nl": "Vestiging", "en": "Branch"},
    "year_life.add_button": {"nl": "Toevoegen voor {year}", "en": "Add for {year}"},
    "year_life.department.name_long": {
        "nl": "de naam mag hoogstens {limit} tekens lang zijn",
        "en": "the name may be {limit} characters at most",
    },
    "year_life.department.type": {
        "nl": "kies een onderwijssoort",
        "en": "choose an education type",
    },
    "year_life.department.exists": {
        "nl": "afdeling {code} bestaat al in schooljaar {year}; wijzig haar hierboven",
        "en": "department {code} already exists in school year {year}; change it above",
    },
}

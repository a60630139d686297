"""Words of the school year's life (Beheer > Jaarovergang): the screens Doorzetten vanuit
de prognoses and Wisselen naar het nieuwe schooljaar, and Doorzetten naar volgend
schooljaar on a team leader's department page."""

from __future__ import annotations

from typing import Final

TEXTS: Final[dict[str, dict[str, str]]] = {
    # Doorzetten vanuit de prognoses
    "year_life.promote_fills": {
        "nl": "Doorzetten vult schooljaar {year}, dat klaarstaat naast het huidige schooljaar "
        "{current}.",
        "en": "Promoting fills school year {year}, prepared beside the current school year "
        "{current}.",
    },
    "year_life.explain.promote": {
        "nl": "Van iedere leerling wordt de laatste prognose de afdelingsdeelname in het "
        "nieuwe schooljaar (4H 50 / 4V 50 blijft zo verdeeld). Pakketkeuzes die doorlopen "
        "(4V naar 5V) gaan mee, zonder een keuze te overschrijven die al voor volgend jaar "
        "is gemaakt. De stamklas van nu wordt de stamklas oud.",
        "en": "Each student's last prognosis becomes its department participation in the new "
        "school year (4H 50 / 4V 50 stays split). Package choices that continue (4V to 5V) "
        "come along, never overwriting a choice already made for next year. This year's home "
        "class becomes the previous home class.",
    },
    "year_life.explain.promote_people_heading": {
        "nl": "Wat koppel niet raadt",
        "en": "What koppel does not guess",
    },
    "year_life.explain.promote_people": {
        "nl": "Leerlingen zonder prognose worden niet doorgezet: ze staan hieronder met naam en "
        "leerlingnummer. Vul hun prognose in (teamleider of mentor) en zet opnieuw door; "
        "dan wordt alleen geschreven wat er sindsdien veranderd is. Hetzelfde geldt voor een "
        "prognose naar een afdeling die volgend jaar dicht is. Examenleerlingen zonder "
        "prognose vertrekken en worden alleen geteld.",
        "en": "Students without a prognosis are not promoted: they are listed below by name "
        "and student number. Enter their prognosis (team leader or mentor) and promote again; "
        "only what changed since is written then. The same holds for a prognosis to a "
        "department that is closed next year. Exam-year students without a prognosis leave "
        "and are only counted.",
    },
    "year_life.explain.promote_undo": {
        "nl": "Doorzetten is één wijzigingenset; zolang er daarna niets anders is toegepast, "
        "maakt u het hier ongedaan en is alles weer zoals ervoor.",
        "en": "Promoting is one change set; as long as nothing else has been applied after "
        "it, you undo it here and everything is as it was before.",
    },
    "year_life.promotion_counts": {
        "nl": "Doorzetten naar {year}, geteld",
        "en": "Promoting to {year}, counted",
    },
    "year_life.count.without_prognosis": {
        "nl": "leerlingen zonder prognose (niet doorgezet)",
        "en": "students without a prognosis (not promoted)",
    },
    "year_life.count.closed": {
        "nl": "prognose naar een dichte afdeling (niet doorgezet)",
        "en": "prognosis to a closed department (not promoted)",
    },
    "year_life.examples": {
        "nl": "Voorbeelden van afdelingsdeelnames ({count})",
        "en": "Examples of participations ({count})",
    },
    "year_life.without_heading": {
        "nl": "Zonder prognose voor {year}: {count} leerling(en)",
        "en": "Without a prognosis for {year}: {count} student(s)",
    },
    "year_life.without_help": {
        "nl": "Niet doorgezet en niet geraden. Vul hun prognose in en zet daarna opnieuw door.",
        "en": "Not promoted and not guessed. Enter their prognosis, then promote again.",
    },
    "year_life.closed_heading": {
        "nl": "Prognose naar een afdeling die in {year} dicht is: {count} leerling(en)",
        "en": "Prognosis to a department closed in {year}: {count} student(s)",
    },
    "year_life.closed_help": {
        "nl": "Niet doorgezet. Geef hun een prognose naar een open afdeling, of open de "
        "afdeling weer voor {year} bij het klaarzetten.",
        "en": "Not promoted. Give them a prognosis to an open department, or open the "
        "department again for {year} on the prepare screen.",
    },
    "year_life.column.department_now": {"nl": "Afdeling nu", "en": "Department now"},
    "year_life.column.closed_department": {
        "nl": "Prognose naar (dicht)",
        "en": "Prognosis to (closed)",
    },
    "year_life.confirm.promote": {
        "nl": "Ik wil de leerlingen doorzetten naar {year}",
        "en": "I want to promote the students to {year}",
    },
    "year_life.promote_button": {"nl": "Doorzetten", "en": "Promote"},
    "year_life.promoted": {
        "nl": "Doorgezet naar {year}, vastgelegd als wijzigingenset {changeset}.",
        "en": "Promoted to {year}, recorded as change set {changeset}.",
    },
    "year_life.undo_promote": {"nl": "Doorzetten ongedaan maken", "en": "Undo promoting"},
    "year_life.undo_promote_help": {
        "nl": "De afdelingsdeelnames, stamklassen oud en pakketkeuzes in {year} worden weer "
        "zoals ze waren.",
        "en": "The participations, previous home classes and package choices in {year} become "
        "as they were.",
    },
    # Doorzetten naar volgend schooljaar, on a department's page
    "year_life.department_promote": {
        "nl": "Doorzetten naar volgend schooljaar",
        "en": "Promote to next school year",
    },
    "year_life.department_promote_offer": {
        "nl": "Schooljaar {year} staat klaar. Zet de leerlingen van deze afdeling door vanuit "
        "hun prognoses; u ziet eerst een voorbeeld.",
        "en": "School year {year} has been prepared. Promote this department's students from "
        "their prognoses; you see a preview first.",
    },
    "year_life.department_promote_explain": {
        "nl": "De leerlingen van {code} krijgen in {year} de afdeling(en) van hun laatste "
        "prognose; doorlopende pakketkeuzes gaan mee en hun stamklas van nu wordt de stamklas "
        "oud.",
        "en": "The students of {code} get the department(s) of their last prognosis in {year}; "
        "continuing package choices come along and their home class of now becomes the "
        "previous home class.",
    },
    "year_life.department_promote_again": {
        "nl": "Is een prognose later nog veranderd? Zet dan opnieuw door: alleen wat er "
        "veranderd is, wordt geschreven.",
        "en": "Did a prognosis change later? Promote again: only what changed is written.",
    },
    "year_life.department_not_prepared": {
        "nl": "Volgend schooljaar staat nog niet klaar, dus doorzetten kan nog niet. De "
        "beheerder zet het klaar in de jaarovergang.",
        "en": "Next school year has not been prepared yet, so promoting cannot be done yet. "
        "The administrator prepares it in the year transition.",
    },
    "year_life.confirm.promote_department": {
        "nl": "Ik wil de leerlingen van {code} doorzetten naar {year}",
        "en": "I want to promote the students of {code} to {year}",
    },
    "year_life.back_to_department": {
        "nl": "Terug naar afdeling {code}",
        "en": "Back to department {code}",
    },
    # Wisselen naar het nieuwe schooljaar
    "year_life.explain.switch": {
        "nl": "Op de eerste schooldag wordt {year} het huidige schooljaar. De afdelingen, "
        "planningspagina's, mentoren, docenten en leerlingen zien dan {year}; de prognoses "
        "gaan over het jaar daarna. {current} blijft leesbaar als geschiedenis: wie in welke "
        "klas en groep zat en welke docent welke groep had.",
        "en": "On the first school day {year} becomes the current school year. Departments, "
        "planning pages, mentors, teachers and students then see {year}; prognoses are about "
        "the year after. {current} stays readable as history: who was in which class and "
        "group, and which teacher taught which group.",
    },
    "year_life.explain.switch_never": {
        "nl": "Er wordt niets verwijderd: de gegevens van {current} blijven bewaard.",
        "en": "Nothing is deleted: the data of {current} are kept.",
    },
    "year_life.explain.switch_undo": {
        "nl": "Wisselen is één wijzigingenset. Zolang er daarna niets anders is toegepast, "
        "maakt u het hier ongedaan: {current} is dan weer het huidige schooljaar.",
        "en": "Switching is one change set. As long as nothing else has been applied after "
        "it, you undo it here: {current} is then the current school year again.",
    },
    "year_life.which_done": {"nl": "Wat er klaar is voor {year}", "en": "What is done for {year}"},
    "year_life.switch.steps_open": {
        "nl": "Stap {steps} van de jaarovergang is nog niet toegepast: schooljaar {year} is nog "
        "niet gevuld.",
        "en": "Step {steps} of the year transition has not been applied: school year {year} is "
        "not filled yet.",
    },
    "year_life.switch.steps_open_help": {
        "nl": "Pas die stappen eerst toe. Moet er toch nu gewisseld worden, bijvoorbeeld omdat "
        "de school begint en een bestand later komt? Vink dan 'Toch wisselen' aan en schrijf "
        "op waarom; de reden komt in het logboek.",
        "en": "Apply those steps first. Must the switch happen now all the same, for instance "
        "because school starts and a file comes later? Then tick 'Switch anyway' and write "
        "down why; the reason goes into the audit log.",
    },
    "year_life.switch.all_steps": {
        "nl": "Alle vijf stappen zijn toegepast: schooljaar {year} is gevuld.",
        "en": "All five steps have been applied: school year {year} is filled.",
    },
    "year_life.switch.force": {
        "nl": "Toch wisselen, ook al zijn niet alle stappen toegepast",
        "en": "Switch anyway, although not every step has been applied",
    },
    "year_life.switch.reason": {
        "nl": "Reden (komt in het logboek)",
        "en": "Reason (goes into the audit log)",
    },
    "year_life.switch.force_missing": {
        "nl": "Niet alle stappen zijn toegepast: vink 'Toch wisselen' aan als het toch moet.",
        "en": "Not every step has been applied: tick 'Switch anyway' if it must happen.",
    },
    "year_life.switch.reason_missing": {
        "nl": "Schrijf op waarom u toch wisselt; de reden komt in het logboek.",
        "en": "Write down why you switch anyway; the reason goes into the audit log.",
    },
    "year_life.switch.reason_long": {
        "nl": "De reden mag hoogstens 500 tekens lang zijn.",
        "en": "The reason may be 500 characters at most.",
    },
    "year_life.switch.not_switched": {
        "nl": "Er is niet gewisseld; er is niets veranderd. Zie de melding bij het formulier.",
        "en": "Nothing was switched and nothing changed. See the message at the form.",
    },
    "year_life.confirm.switch": {
        "nl": "Ik wil wisselen: {year} wordt het huidige schooljaar in plaats van {current}",
        "en": "I want to switch: {year} becomes the current school year instead of {current}",
    },
    "year_life.switch_to": {"nl": "Wisselen naar {year}", "en": "Switch to {year}"},
    "year_life.switched": {
        "nl": "Schooljaar {year} is nu het huidige schooljaar; {previous} blijft leesbaar als "
        "geschiedenis. Vastgelegd als wijzigingenset {changeset}.",
        "en": "School year {year} is now the current school year; {previous} stays readable "
        "as history. Recorded as change set {changeset}.",
    },
    "year_life.switched_forced": {
        "nl": "Gewisseld terwijl stap {steps} nog niet was toegepast. Reden (in het logboek): "
        "{reason}",
        "en": "Switched while step {steps} had not been applied. Reason (in the audit log): "
        "{reason}",
    },
    "year_life.current_since": {
        "nl": "Schooljaar {year} is het huidige schooljaar sinds {at}",
        "en": "School year {year} has been the current school year since {at}",
    },
    "year_life.undo_switch": {"nl": "Wisselen ongedaan maken", "en": "Undo the switch"},
    "year_life.undo_switch_help": {
        "nl": "{previous} wordt dan weer het huidige schooljaar en {year} staat weer klaar.",
        "en": "{previous} then becomes the current school year again and {year} is prepared again.",
    },
    "year_life.switch_undone": {
        "nl": "{year} is weer het huidige schooljaar.",
        "en": "{year} is the current school year again.",
    },
}

"""Words on the administrator's pages: accounts, departments, tokens, two-factor sign-in."""

from __future__ import annotations

from typing import Final

TEXTS: Final[dict[str, dict[str, str]]] = {
    "save": {"nl": "Opslaan", "en": "Save"},
    # accounts
    "accounts.title": {"nl": "Accounts", "en": "Accounts"},
    "accounts.search": {"nl": "Zoek op naam of gebruikersnaam", "en": "Search by name or username"},
    "accounts.all_roles": {"nl": "alle rollen", "en": "all roles"},
    "accounts.count": {"nl": "{total} accounts gevonden", "en": "{total} accounts found"},
    "accounts.none": {
        "nl": "Geen accounts gevonden. Zoek met minder letters of kies 'alle rollen'.",
        "en": "No accounts found. Search with fewer letters or choose 'all roles'.",
    },
    "accounts.roles": {"nl": "Rollen", "en": "Roles"},
    "accounts.state": {"nl": "Status", "en": "State"},
    "accounts.totp": {"nl": "Tweestaps", "en": "Two-factor"},
    "accounts.inactive": {"nl": "niet actief", "en": "inactive"},
    "accounts.on": {"nl": "aan", "en": "on"},
    "accounts.off": {"nl": "uit", "en": "off"},
    "accounts.new": {"nl": "Nieuw account", "en": "New account"},
    "accounts.display_name": {"nl": "Naam zoals getoond", "en": "Name as shown"},
    "accounts.email": {"nl": "E-mailadres (optioneel)", "en": "Email address (optional)"},
    "accounts.student_number": {
        "nl": "Leerlingnummer (alleen bij de rol leerling)",
        "en": "Student number (only with the role student)",
    },
    "accounts.staff_code": {
        "nl": "Docentcode (optioneel, bij een medewerker)",
        "en": "Staff code (optional, for a staff member)",
    },
    "accounts.departments": {
        "nl": "Afdelingen (van een teamleider)",
        "en": "Departments (of a team leader)",
    },
    "accounts.create": {"nl": "Account maken", "en": "Create account"},
    "accounts.created": {
        "nl": "Account {username} is gemaakt. Het eerste wachtwoord staat hieronder en wordt niet "
        "nog eens getoond: geef het veilig door en vraag de gebruiker het te wijzigen (via de "
        "eigen naam rechtsboven).",
        "en": "Account {username} has been created. Its first password is below and is not shown "
        "again: hand it over safely and ask the user to change it (through their own name at the "
        "top right).",
    },
    "accounts.first_password": {"nl": "Eerste wachtwoord", "en": "First password"},
    "accounts.not_created": {
        "nl": "Het account is niet gemaakt; verbeter het veld met de melding.",
        "en": "The account was not created; correct the field with the message.",
    },
    # one account
    "account.title": {"nl": "Account {username}", "en": "Account {username}"},
    "account.back": {"nl": "Terug naar de accounts", "en": "Back to the accounts"},
    "account.access": {"nl": "Rollen en afdelingen", "en": "Roles and departments"},
    "account.saved": {
        "nl": "De rollen en afdelingen zijn opgeslagen.",
        "en": "The roles and departments have been saved.",
    },
    "account.is_active": {"nl": "Dit account is actief.", "en": "This account is active."},
    "account.is_inactive": {
        "nl": "Dit account is niet actief: het kan niet inloggen en zijn API-tokens werken niet.",
        "en": "This account is inactive: it cannot sign in and its API tokens do not work.",
    },
    "account.deactivate": {"nl": "Op non-actief zetten", "en": "Deactivate"},
    "account.deactivate_help": {
        "nl": "Sessies eindigen direct en API-tokens werken niet meer.",
        "en": "Sessions end at once and API tokens stop working.",
    },
    "account.reactivate": {"nl": "Weer actief maken", "en": "Make active again"},
    "account.reactivate_help": {
        "nl": "Het account kan weer inloggen; tokens die niet zijn ingetrokken werken weer.",
        "en": "The account can sign in again; tokens that were not revoked work again.",
    },
    "account.deactivated": {
        "nl": "Het account is op non-actief gezet: sessies zijn beëindigd, tokens werken niet "
        "meer.",
        "en": "The account has been deactivated: sessions have ended, tokens no longer work.",
    },
    "account.reactivated": {
        "nl": "Het account is weer actief en kan weer inloggen.",
        "en": "The account is active again and can sign in.",
    },
    "account.self_note": {
        "nl": "Dit is uw eigen account: u kunt het niet op non-actief zetten en uw rol beheerder "
        "niet weghalen, anders kan niemand dat terugdraaien. Laat een andere beheerder dat doen.",
        "en": "This is your own account: you cannot deactivate it or take away your administrator "
        "role, or nobody could undo it. Ask another administrator.",
    },
    "account.reset": {"nl": "Wachtwoord resetten", "en": "Reset password"},
    "account.reset_help": {
        "nl": "Het account krijgt een nieuw, gegenereerd wachtwoord en al zijn sessies eindigen.",
        "en": "The account gets a new, generated password and all its sessions end.",
    },
    "account.new_password": {
        "nl": "Nieuw wachtwoord voor {username} (wordt niet nog eens getoond; geef het veilig "
        "door, de gebruiker kan het daarna zelf wijzigen):",
        "en": "New password for {username} (not shown again; hand it over safely, the user can "
        "change it afterwards):",
    },
    "account.totp_reset_button": {
        "nl": "Tweestapsverificatie uitzetten",
        "en": "Turn two-factor sign-in off",
    },
    "account.totp_reset_help": {
        "nl": "Bij een verloren telefoon: het account logt daarna in met alleen het wachtwoord "
        "(of stelt eerst een nieuwe app in als de school dat verplicht). Zijn sessies eindigen.",
        "en": "For a lost phone: the account then signs in with its password only (or sets up a "
        "new app first where the school requires it). Its sessions end.",
    },
    "account.totp_reset": {
        "nl": "Tweestapsverificatie is uitgezet; de sessies van het account zijn beëindigd.",
        "en": "Two-factor sign-in has been turned off; the account's sessions have ended.",
    },
    "account.totp_was_off": {
        "nl": "Tweestapsverificatie stond al uit; er is niets veranderd.",
        "en": "Two-factor sign-in was off already; nothing changed.",
    },
    # departments
    "departments.title": {"nl": "Afdelingsinstellingen", "en": "Department settings"},
    "departments.intro": {
        "nl": "Per afdeling: welke kant de stamklasindeling leidt, wanneer leerlingen hun pakket "
        "kiezen (beide data of geen van beide) en welke vakken ze kunnen kiezen (gescheiden door "
        "komma's of spaties).",
        "en": "Per department: which side leads the home-class assignment, when students choose "
        "their package (both dates or neither) and which subjects they can choose (separated by "
        "commas or spaces).",
    },
    "departments.opens": {"nl": "Keuze open vanaf", "en": "Choice open from"},
    "departments.closes": {"nl": "Keuze open tot en met", "en": "Choice open until"},
    "departments.saved": {
        "nl": "Afdeling {code} is opgeslagen.",
        "en": "Department {code} has been saved.",
    },
    "departments.failed": {
        "nl": "Afdeling {code} is niet opgeslagen; er is niets gewijzigd. Zie de meldingen in de "
        "rij van {code}.",
        "en": "Department {code} was not saved; nothing changed. See the messages in the row of "
        "{code}.",
    },
    # tokens
    "tokens.title": {"nl": "API-tokens", "en": "API tokens"},
    "tokens.intro": {
        "nl": "Een token geeft een programma (zoals de portalconnector van de roostermaker) "
        "toegang tot de API, namens één account met één van zijn rollen.",
        "en": "A token gives a program (such as the scheduler's connector) access to the API, on "
        "behalf of one account with one of its roles.",
    },
    "tokens.username": {"nl": "Gebruikersnaam van het account", "en": "Username of the account"},
    "tokens.created_at": {"nl": "Gemaakt", "en": "Created"},
    "tokens.last_used": {"nl": "Laatst gebruikt", "en": "Last used"},
    "tokens.revoked_at": {"nl": "Ingetrokken", "en": "Revoked"},
    "tokens.never": {"nl": "nooit", "en": "never"},
    "tokens.account_inactive": {"nl": "(account niet actief)", "en": "(account inactive)"},
    "tokens.revoke": {"nl": "Intrekken", "en": "Revoke"},
    "tokens.revoke_label": {"nl": "Token {name} intrekken", "en": "Revoke token {name}"},
    "tokens.none": {
        "nl": "Nog geen tokens. Maak er hieronder een, bijvoorbeeld voor de roostermaker met de "
        "rol roostermaker.",
        "en": "No tokens yet. Create one below, for instance for the scheduler with the role "
        "scheduler.",
    },
    "tokens.new": {"nl": "Nieuw token", "en": "New token"},
    "tokens.name_help": {
        "nl": "Letters, cijfers, '.', '_' en '-', bijv. rooster-pc",
        "en": "Letters, digits, '.', '_' and '-', e.g. rooster-pc",
    },
    "tokens.departments_help": {
        "nl": "Een token van een roostermaker leest en schrijft alleen de leerlingen en groepen "
        "van deze afdelingen: kies de afdelingen van het roosterbestand. Een token van een "
        "beheerder geldt voor de hele school en krijgt geen afdelingen.",
        "en": "A scheduler's token reads and writes only the students and groups of these "
        "departments: choose the departments of the project. An administrator's token is for "
        "the whole school and gets no departments.",
    },
    "tokens.choose_role": {"nl": "kies een rol", "en": "choose a role"},
    "tokens.create": {"nl": "Token maken", "en": "Create token"},
    "tokens.created": {
        "nl": "Token {name} is gemaakt. Kopieer het nu en bewaar het veilig: koppel bewaart "
        "alleen een hash en toont het niet nog eens.",
        "en": "Token {name} has been created. Copy it now and keep it safe: koppel keeps only a "
        "hash and does not show it again.",
    },
    "token.revoked": {
        "nl": "Token {name} is ingetrokken; het werkt niet meer.",
        "en": "Token {name} has been revoked; it no longer works.",
    },
    "token.was_revoked": {
        "nl": "Token {name} was al ingetrokken; er is niets veranderd.",
        "en": "Token {name} was revoked already; nothing changed.",
    },
    "tokens.not_created": {
        "nl": "Het token is niet gemaakt; verbeter het veld met de melding.",
        "en": "The token was not created; correct the field with the message.",
    },
    # settings
    "settings.title": {"nl": "Instellingen", "en": "Settings"},
    "settings.totp": {
        "nl": "Beheerders moeten inloggen met tweestapsverificatie",
        "en": "Administrators must sign in with two-factor sign-in",
    },
    "settings.totp_help": {
        "nl": "Een beheerder zonder tweestapsverificatie stelt die na het wachtwoord eerst in, "
        "voordat hij iets anders kan.",
        "en": "An administrator without two-factor sign-in sets it up right after the password, "
        "before anything else.",
    },
    "settings.totp_warning": {
        "nl": "Let op: u hebt zelf nog geen tweestapsverificatie. Stel die nu in via "
        "Tweestapsverificatie, of anders bij de volgende keer inloggen (houd een "
        "authenticator-app bij de hand).",
        "en": "Note: you have no two-factor sign-in yourself. Set it up now under Two-factor "
        "sign-in, or else at your next sign-in (keep an authenticator app at hand).",
    },
    "settings.mentors": {
        "nl": "Mentoren mogen de prognoses van hun eigen mentorleerlingen wijzigen",
        "en": "Mentors may change the prognoses of their own mentees",
    },
    "settings.mentors_help": {
        "nl": "Teamleiders mogen dat altijd, voor hun eigen afdelingen.",
        "en": "Team leaders always may, for their own departments.",
    },
    "settings.max_share": {
        "nl": "Grens jaarovergang (procent)",
        "en": "Year transition limit (percent)",
    },
    "settings.max_share_help": {
        "nl": "Een stap die meer dan dit deel van de leerlingen of het personeel zou deactiveren "
        "of verwijderen, weigert zonder uitdrukkelijke bevestiging (--force).",
        "en": "A step that would deactivate or delete more than this share of the students or "
        "staff refuses without an explicit confirmation (--force).",
    },
    "settings.home_class_rule": {
        "nl": "Koppeling: welke klassen zijn stamklassen",
        "en": "Integration: which classes are home classes",
    },
    "settings.home_class_rule_help": {
        "nl": "Een reguliere expressie op de klascode of naam uit het "
        "leerlingadministratiesysteem, bijvoorbeeld ^[1-6][A-Z]+[0-9]+$. Leeg: de klassen die "
        "OneRoster 'homeroom' noemt. Andere klassen worden clustergroepen.",
        "en": "A regular expression on the class code or title from the SIS, for example "
        "^[1-6][A-Z]+[0-9]+$. Empty: the classes OneRoster calls 'homeroom'. Other classes become "
        "cluster groups.",
    },
    "settings.retention": {
        "nl": "Personeel dat de school verlaat",
        "en": "Staff who leave the school",
    },
    "settings.retention.keep": {
        "nl": "account uitzetten, gegevens bewaren",
        "en": "deactivate the account, keep the data",
    },
    "settings.retention.remove": {
        "nl": "account uitzetten en naam en e-mail wissen",
        "en": "deactivate the account and erase name and email",
    },
    "settings.saved": {
        "nl": "De instellingen zijn opgeslagen.",
        "en": "The settings have been saved.",
    },
    "settings.unchanged": {
        "nl": "De instellingen waren al zo; er is niets veranderd.",
        "en": "The settings were like this already; nothing changed.",
    },
    # two-factor sign-in
    "two_factor.title": {"nl": "Tweestapsverificatie", "en": "Two-factor sign-in"},
    "two_factor.intro": {
        "nl": "Met tweestapsverificatie vraagt koppel na uw wachtwoord een code van zes cijfers "
        "uit een authenticator-app op uw telefoon (zoals Aegis, FreeOTP of Google Authenticator).",
        "en": "With two-factor sign-in koppel asks, after your password, for a six-digit code "
        "from an authenticator app on your phone (such as Aegis, FreeOTP or Google "
        "Authenticator).",
    },
    "two_factor.is_on": {
        "nl": "Tweestapsverificatie staat aan.",
        "en": "Two-factor sign-in is on.",
    },
    "two_factor.is_off": {
        "nl": "Tweestapsverificatie staat uit.",
        "en": "Two-factor sign-in is off.",
    },
    "two_factor.start": {"nl": "Instellen", "en": "Set up"},
    "two_factor.step1": {
        "nl": "Voeg in de app een account toe met deze sleutel, of open de koppeling op uw "
        "telefoon:",
        "en": "Add an account in the app with this key, or open the link on your phone:",
    },
    "two_factor.secret": {"nl": "Sleutel", "en": "Key"},
    "two_factor.uri": {"nl": "Koppeling", "en": "Link"},
    "two_factor.step2": {
        "nl": "Typ daarna de code die de app nu toont.",
        "en": "Then type the code that the app shows now.",
    },
    "two_factor.code": {"nl": "Code uit de app (6 cijfers)", "en": "Code from the app (6 digits)"},
    "two_factor.confirm": {"nl": "Bevestigen", "en": "Confirm"},
    "two_factor.off": {"nl": "Uitzetten", "en": "Turn off"},
    "two_factor.off_help": {
        "nl": "Typ een actuele code uit de app om tweestapsverificatie uit te zetten.",
        "en": "Type a current code from the app to turn two-factor sign-in off.",
    },
    "two_factor.turned_on": {
        "nl": "Tweestapsverificatie staat nu aan: voortaan vraagt koppel na uw wachtwoord een "
        "code uit de app.",
        "en": "Two-factor sign-in is on now: from now on koppel asks for a code from the app "
        "after your password.",
    },
    "two_factor.turned_off": {
        "nl": "Tweestapsverificatie staat nu uit: u logt in met alleen uw wachtwoord.",
        "en": "Two-factor sign-in is off now: you sign in with your password only.",
    },
    "code.title": {"nl": "Code invoeren", "en": "Enter the code"},
    "code.intro": {
        "nl": "Uw wachtwoord klopt. Typ nu de code van zes cijfers uit uw authenticator-app.",
        "en": "Your password is right. Now type the six-digit code from your authenticator app.",
    },
    "code.setup_title": {"nl": "Tweestapsverificatie instellen", "en": "Set up two-factor sign-in"},
    "code.setup_intro": {
        "nl": "De school verplicht tweestapsverificatie voor beheerders. Stel haar nu in; daarna "
        "kunt u verder.",
        "en": "The school requires two-factor sign-in for administrators. Set it up now; then you "
        "can go on.",
    },
    "code.submit": {"nl": "Verder", "en": "Continue"},
    "code.restart": {
        "nl": "Andere gebruiker, of geen app bij de hand? Opnieuw inloggen",
        "en": "Another user, or no app at hand? Sign in again",
    },
}

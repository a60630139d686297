"""Words on the administrator's pages: accounts, departments, tokens, two-factor sign-in."""

from __future__ import annotations

from typing import Final

TEXTS: Final[dict[str, dict[str, str]]] = {
    "nl": {
        "role_name.administrator": "beheerder",
        "role_name.scheduler": "roostermaker",
        "role_name.team_leader": "teamleider",
        "role_name.mentor": "mentor",
        "role_name.teacher": "docent",
        "role_name.student": "leerling",
        "yes": "ja",
        "no": "nee",
        "save": "Opslaan",
        # accounts
        "accounts.title": "Accounts",
        "accounts.search": "Zoek op naam of gebruikersnaam",
        "accounts.role_filter": "Rol",
        "accounts.all_roles": "alle rollen",
        "accounts.find": "Zoeken",
        "accounts.count": "{total} accounts gevonden",
        "accounts.none": "Geen accounts gevonden. Zoek met minder letters of kies 'alle rollen'.",
        "accounts.username": "Gebruikersnaam",
        "accounts.roles": "Rollen",
        "accounts.state": "Status",
        "accounts.totp": "Tweestaps",
        "accounts.active": "actief",
        "accounts.inactive": "niet actief",
        "accounts.on": "aan",
        "accounts.off": "uit",
        "accounts.new": "Nieuw account",
        "accounts.display_name": "Naam zoals getoond",
        "accounts.email": "E-mailadres (optioneel)",
        "accounts.student_number": "Leerlingnummer (alleen bij de rol leerling)",
        "accounts.staff_code": "Docentcode (optioneel, bij een medewerker)",
        "accounts.departments": "Afdelingen (van een teamleider)",
        "accounts.create": "Account maken",
        "accounts.created": "Account {username} is gemaakt. Het eerste wachtwoord staat hieronder "
        "en wordt niet nog eens getoond: geef het veilig door en vraag de gebruiker het te "
        "wijzigen (via de eigen naam rechtsboven).",
        "accounts.first_password": "Eerste wachtwoord",
        "accounts.not_created": "Het account is niet gemaakt; verbeter het veld met de melding.",
        # one account
        "account.title": "Account {username}",
        "account.back": "Terug naar de accounts",
        "account.access": "Rollen en afdelingen",
        "account.saved": "De rollen en afdelingen zijn opgeslagen.",
        "account.is_active": "Dit account is actief.",
        "account.is_inactive": "Dit account is niet actief: het kan niet inloggen en zijn "
        "API-tokens werken niet.",
        "account.deactivate": "Op non-actief zetten",
        "account.deactivate_help": "Sessies eindigen direct en API-tokens werken niet meer.",
        "account.reactivate": "Weer actief maken",
        "account.reactivate_help": "Het account kan weer inloggen; tokens die niet zijn "
        "ingetrokken werken weer.",
        "account.deactivated": "Het account is op non-actief gezet: sessies zijn beëindigd, "
        "tokens werken niet meer.",
        "account.reactivated": "Het account is weer actief en kan weer inloggen.",
        "account.self_note": "Dit is uw eigen account: u kunt het niet op non-actief zetten en "
        "uw rol beheerder niet weghalen, anders kan niemand dat terugdraaien. Laat een andere "
        "beheerder dat doen.",
        "account.password": "Wachtwoord",
        "account.reset": "Wachtwoord resetten",
        "account.reset_help": "Het account krijgt een nieuw, gegenereerd wachtwoord en al zijn "
        "sessies eindigen.",
        "account.new_password": "Nieuw wachtwoord voor {username} (wordt niet nog eens getoond; "
        "geef het veilig door, de gebruiker kan het daarna zelf wijzigen):",
        "account.totp": "Tweestapsverificatie",
        "account.totp_is_on": "Tweestapsverificatie staat aan.",
        "account.totp_is_off": "Tweestapsverificatie staat uit.",
        "account.totp_reset_button": "Tweestapsverificatie uitzetten",
        "account.totp_reset_help": "Bij een verloren telefoon: het account logt daarna in met "
        "alleen het wachtwoord (of stelt eerst een nieuwe app in als de school dat verplicht). "
        "Zijn sessies eindigen.",
        "account.totp_reset": "Tweestapsverificatie is uitgezet; de sessies van het account zijn "
        "beëindigd.",
        "account.totp_was_off": "Tweestapsverificatie stond al uit; er is niets veranderd.",
        # departments
        "departments.title": "Afdelingsinstellingen",
        "departments.intro": "Per afdeling: welke kant de stamklasindeling leidt, wanneer "
        "leerlingen hun pakket kiezen (beide data of geen van beide) en welke vakken ze "
        "kunnen kiezen (gescheiden door komma's of spaties).",
        "departments.opens": "Keuze open vanaf",
        "departments.closes": "Keuze open tot en met",
        "departments.subjects": "Vakken",
        "departments.saved": "Afdeling {code} is opgeslagen.",
        "departments.failed": "Afdeling {code} is niet opgeslagen; er is niets gewijzigd. Zie "
        "de meldingen in de rij van {code}.",
        # tokens
        "tokens.title": "API-tokens",
        "tokens.intro": "Een token geeft een programma (zoals de portalconnector van de "
        "roostermaker) toegang tot de API, namens één account met één van zijn rollen.",
        "tokens.name": "Naam",
        "tokens.account": "Account",
        "tokens.username": "Gebruikersnaam van het account",
        "tokens.role": "Rol",
        "tokens.created_at": "Gemaakt",
        "tokens.last_used": "Laatst gebruikt",
        "tokens.revoked_at": "Ingetrokken",
        "tokens.never": "nooit",
        "tokens.not_revoked": "nee",
        "tokens.account_inactive": "(account niet actief)",
        "tokens.revoke": "Intrekken",
        "tokens.revoke_label": "Token {name} intrekken",
        "tokens.none": "Nog geen tokens. Maak er hieronder een, bijvoorbeeld voor de "
        "roostermaker met de rol roostermaker.",
        "tokens.new": "Nieuw token",
        "tokens.name_help": "Letters, cijfers, '.', '_' en '-', bijv. rooster-pc",
        "tokens.choose_role": "kies een rol",
        "tokens.create": "Token maken",
        "tokens.created": "Token {name} is gemaakt. Kopieer het nu en bewaar het veilig: "
        "koppel bewaart alleen een hash en toont het niet nog eens.",
        "token.revoked": "Token {name} is ingetrokken; het werkt niet meer.",
        "token.was_revoked": "Token {name} was al ingetrokken; er is niets veranderd.",
        "tokens.not_created": "Het token is niet gemaakt; verbeter het veld met de melding.",
        # settings
        "settings.title": "Instellingen",
        "settings.totp": "Beheerders moeten inloggen met tweestapsverificatie",
        "settings.totp_help": "Een beheerder zonder tweestapsverificatie stelt die na het "
        "wachtwoord eerst in, voordat hij iets anders kan.",
        "settings.totp_warning": "Let op: u hebt zelf nog geen tweestapsverificatie. Stel die "
        "nu in via Tweestapsverificatie, of anders bij de volgende keer inloggen (houd een "
        "authenticator-app bij de hand).",
        "settings.mentors": "Mentoren mogen de prognoses van hun eigen mentorleerlingen wijzigen",
        "settings.mentors_help": "Teamleiders mogen dat altijd, voor hun eigen afdelingen.",
        "settings.max_share": "Grens jaarovergang (procent)",
        "settings.max_share_help": "Een stap die meer dan dit deel van de leerlingen of het "
        "personeel zou deactiveren of verwijderen, weigert zonder uitdrukkelijke bevestiging "
        "(--force).",
        "settings.home_class_rule": "Koppeling: welke klassen zijn stamklassen",
        "settings.home_class_rule_help": "Een reguliere expressie op de klascode of naam uit "
        "het leerlingadministratiesysteem, bijvoorbeeld ^[1-6][A-Z]+[0-9]+$. Leeg: de klassen "
        "die OneRoster 'homeroom' noemt. Andere klassen worden clustergroepen.",
        "settings.retention": "Personeel dat de school verlaat",
        "settings.retention.keep": "account uitzetten, gegevens bewaren",
        "settings.retention.remove": "account uitzetten en naam en e-mail wissen",
        "settings.saved": "De instellingen zijn opgeslagen.",
        "settings.unchanged": "De instellingen waren al zo; er is niets veranderd.",
        # two-factor sign-in
        "two_factor.title": "Tweestapsverificatie",
        "two_factor.intro": "Met tweestapsverificatie vraagt koppel na uw wachtwoord een code "
        "van zes cijfers uit een authenticator-app op uw telefoon (zoals Aegis, FreeOTP of "
        "Google Authenticator).",
        "two_factor.is_on": "Tweestapsverificatie staat aan.",
        "two_factor.is_off": "Tweestapsverificatie staat uit.",
        "two_factor.start": "Instellen",
        "two_factor.step1": "Voeg in de app een account toe met deze sleutel, of open de "
        "koppeling op uw telefoon:",
        "two_factor.secret": "Sleutel",
        "two_factor.uri": "Koppeling",
        "two_factor.step2": "Typ daarna de code die de app nu toont.",
        "two_factor.code": "Code uit de app (6 cijfers)",
        "two_factor.confirm": "Bevestigen",
        "two_factor.off": "Uitzetten",
        "two_factor.off_help": "Typ een actuele code uit de app om tweestapsverificatie uit "
        "te zetten.",
        "two_factor.turned_on": "Tweestapsverificatie staat nu aan: voortaan vraagt koppel na "
        "uw wachtwoord een code uit de app.",
        "two_factor.turned_off": "Tweestapsverificatie staat nu uit: u logt in met alleen uw "
        "wachtwoord.",
        "two_factor.link": "Tweestapsverificatie",
        "code.title": "Code invoeren",
        "code.intro": "Uw wachtwoord klopt. Typ nu de code van zes cijfers uit uw "
        "authenticator-app.",
        "code.setup_title": "Tweestapsverificatie instellen",
        "code.setup_intro": "De school verplicht tweestapsverificatie voor beheerders. Stel "
        "haar nu in; daarna kunt u verder.",
        "code.submit": "Verder",
        "code.restart": "Andere gebruiker, of geen app bij de hand? Opnieuw inloggen",
    },
    "en": {
        "role_name.administrator": "administrator",
        "role_name.scheduler": "scheduler",
        "role_name.team_leader": "team leader",
        "role_name.mentor": "mentor",
        "role_name.teacher": "teacher",
        "role_name.student": "student",
        "yes": "yes",
        "no": "no",
        "save": "Save",
        "accounts.title": "Accounts",
        "accounts.search": "Search by name or username",
        "accounts.role_filter": "Role",
        "accounts.all_roles": "all roles",
        "accounts.find": "Search",
        "accounts.count": "{total} accounts found",
        "accounts.none": "No accounts found. Search with fewer letters or choose 'all roles'.",
        "accounts.username": "Username",
        "accounts.roles": "Roles",
        "accounts.state": "State",
        "accounts.totp": "Two-factor",
        "accounts.active": "active",
        "accounts.inactive": "inactive",
        "accounts.on": "on",
        "accounts.off": "off",
        "accounts.new": "New account",
        "accounts.display_name": "Name as shown",
        "accounts.email": "Email address (optional)",
        "accounts.student_number": "Student number (only with the role student)",
        "accounts.staff_code": "Staff code (optional, for a staff member)",
        "accounts.departments": "Departments (of a team leader)",
        "accounts.create": "Create account",
        "accounts.created": "Account {username} has been created. Its first password is below "
        "and is not shown again: hand it over safely and ask the user to change it (through "
        "their own name at the top right).",
        "accounts.first_password": "First password",
        "accounts.not_created": "The account was not created; correct the field with the message.",
        "account.title": "Account {username}",
        "account.back": "Back to the accounts",
        "account.access": "Roles and departments",
        "account.saved": "The roles and departments have been saved.",
        "account.is_active": "This account is active.",
        "account.is_inactive": "This account is inactive: it cannot sign in and its API tokens "
        "do not work.",
        "account.deactivate": "Deactivate",
        "account.deactivate_help": "Sessions end at once and API tokens stop working.",
        "account.reactivate": "Make active again",
        "account.reactivate_help": "The account can sign in again; tokens that were not "
        "revoked work again.",
        "account.deactivated": "The account has been deactivated: sessions have ended, tokens "
        "no longer work.",
        "account.reactivated": "The account is active again and can sign in.",
        "account.self_note": "This is your own account: you cannot deactivate it or take away "
        "your administrator role, or nobody could undo it. Ask another administrator.",
        "account.password": "Password",
        "account.reset": "Reset password",
        "account.reset_help": "The account gets a new, generated password and all its sessions "
        "end.",
        "account.new_password": "New password for {username} (not shown again; hand it over "
        "safely, the user can change it afterwards):",
        "account.totp": "Two-factor sign-in",
        "account.totp_is_on": "Two-factor sign-in is on.",
        "account.totp_is_off": "Two-factor sign-in is off.",
        "account.totp_reset_button": "Turn two-factor sign-in off",
        "account.totp_reset_help": "For a lost phone: the account then signs in with its "
        "password only (or sets up a new app first where the school requires it). Its "
        "sessions end.",
        "account.totp_reset": "Two-factor sign-in has been turned off; the account's sessions "
        "have ended.",
        "account.totp_was_off": "Two-factor sign-in was off already; nothing changed.",
        "departments.title": "Department settings",
        "departments.intro": "Per department: which side leads the home-class assignment, "
        "when students choose their package (both dates or neither) and which subjects they "
        "can choose (separated by commas or spaces).",
        "departments.opens": "Choice open from",
        "departments.closes": "Choice open until",
        "departments.subjects": "Subjects",
        "departments.saved": "Department {code} has been saved.",
        "departments.failed": "Department {code} was not saved; nothing changed. See the "
        "messages in the row of {code}.",
        "tokens.title": "API tokens",
        "tokens.intro": "A token gives a program (such as the scheduler's connector) access to "
        "the API, on behalf of one account with one of its roles.",
        "tokens.name": "Name",
        "tokens.account": "Account",
        "tokens.username": "Username of the account",
        "tokens.role": "Role",
        "tokens.created_at": "Created",
        "tokens.last_used": "Last used",
        "tokens.revoked_at": "Revoked",
        "tokens.never": "never",
        "tokens.not_revoked": "no",
        "tokens.account_inactive": "(account inactive)",
        "tokens.revoke": "Revoke",
        "tokens.revoke_label": "Revoke token {name}",
        "tokens.none": "No tokens yet. Create one below, for instance for the scheduler with "
        "the role scheduler.",
        "tokens.new": "New token",
        "tokens.name_help": "Letters, digits, '.', '_' and '-', e.g. rooster-pc",
        "tokens.choose_role": "choose a role",
        "tokens.create": "Create token",
        "tokens.created": "Token {name} has been created. Copy it now and keep it safe: koppel "
        "keeps only a hash and does not show it again.",
        "token.revoked": "Token {name} has been revoked; it no longer works.",
        "token.was_revoked": "Token {name} was revoked already; nothing changed.",
        "tokens.not_created": "The token was not created; correct the field with the message.",
        "settings.title": "Settings",
        "settings.totp": "Administrators must sign in with two-factor sign-in",
        "settings.totp_help": "An administrator without two-factor sign-in sets it up right "
        "after the password, before anything else.",
        "settings.totp_warning": "Note: you have no two-factor sign-in yourself. Set it up now "
        "under Two-factor sign-in, or else at your next sign-in (keep an authenticator app "
        "at hand).",
        "settings.mentors": "Mentors may change the prognoses of their own mentees",
        "settings.mentors_help": "Team leaders always may, for their own departments.",
        "settings.max_share": "Year transition limit (percent)",
        "settings.max_share_help": "A step that would deactivate or delete more than this "
        "share of the students or staff refuses without an explicit confirmation (--force).",
        "settings.home_class_rule": "Integration: which classes are home classes",
        "settings.home_class_rule_help": "A regular expression on the class code or title from "
        "the SIS, for example ^[1-6][A-Z]+[0-9]+$. Empty: the classes OneRoster calls "
        "'homeroom'. Other classes become cluster groups.",
        "settings.retention": "Staff who leave the school",
        "settings.retention.keep": "deactivate the account, keep the data",
        "settings.retention.remove": "deactivate the account and erase name and email",
        "settings.saved": "The settings have been saved.",
        "settings.unchanged": "The settings were like this already; nothing changed.",
        "two_factor.title": "Two-factor sign-in",
        "two_factor.intro": "With two-factor sign-in koppel asks, after your password, for a "
        "six-digit code from an authenticator app on your phone (such as Aegis, FreeOTP or "
        "Google Authenticator).",
        "two_factor.is_on": "Two-factor sign-in is on.",
        "two_factor.is_off": "Two-factor sign-in is off.",
        "two_factor.start": "Set up",
        "two_factor.step1": "Add an account in the app with this key, or open the link on "
        "your phone:",
        "two_factor.secret": "Key",
        "two_factor.uri": "Link",
        "two_factor.step2": "Then type the code that the app shows now.",
        "two_factor.code": "Code from the app (6 digits)",
        "two_factor.confirm": "Confirm",
        "two_factor.off": "Turn off",
        "two_factor.off_help": "Type a current code from the app to turn two-factor sign-in off.",
        "two_factor.turned_on": "Two-factor sign-in is on now: from now on koppel asks for a "
        "code from the app after your password.",
        "two_factor.turned_off": "Two-factor sign-in is off now: you sign in with your "
        "password only.",
        "two_factor.link": "Two-factor sign-in",
        "code.title": "Enter the code",
        "code.intro": "Your password is right. Now type the six-digit code from your "
        "authenticator app.",
        "code.setup_title": "Set up two-factor sign-in",
        "code.setup_intro": "The school requires two-factor sign-in for administrators. Set "
        "it up now; then you can go on.",
        "code.submit": "Continue",
        "code.restart": "Another user, or no app at hand? Sign in again",
    },
}

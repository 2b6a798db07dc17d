### What is stored, the data export and deletion.

# The privacy notice. $days: how long messages are kept; $anonymous_days: an anonymous web chat after its last message.
# Legal basis: GDPR art. 6(1)(e), a task in the public interest / exercise of official authority.
privacy-about =
    Det gemmer jeg om dig:
    • Hvad: dine beskeder i chatten, dine aftaler, dit CV og dine henvendelser til en medarbejder. CPR-numre, telefonnumre og e-mails bliver skjult i beskederne, før de gemmes.
    • Hvorfor: så jeg kan hjælpe dig, og så en medarbejder kan tage over, når du beder om det.
    • Hvor længe: beskederne slettes efter { $days ->
        [one] { NUMBER($days, useGrouping: 0) } dag
       *[other] { NUMBER($days, useGrouping: 0) } dage
    }. Bruger du chatten uden at logge ind, slettes det hele { $anonymous_days ->
        [one] { NUMBER($anonymous_days, useGrouping: 0) } dag
       *[other] { NUMBER($anonymous_days, useGrouping: 0) } dage
    } efter din sidste besked.
    • Hvem kan se det: kun medarbejdere i jobcentret, og kun når du beder om at tale med en person.
    • Hvorfor må kommunen det: det er en del af jobcentrets opgaver som myndighed (databeskyttelsesforordningen artikel 6, stk. 1, litra e).
    • Er du utilfreds, kan du klage til Datatilsynet på datatilsynet.dk. Du kan også tale med jobcentret først.

# Counts of stored messages, bookings and hand-offs; CLDR "da" plurals are one (1) and other (0, 2, ...).
privacy-summary =
    Jeg har gemt { $messages ->
        [one] { NUMBER($messages, useGrouping: 0) } besked
       *[other] { NUMBER($messages, useGrouping: 0) } beskeder
    }, { $bookings ->
        [one] { NUMBER($bookings, useGrouping: 0) } aftale
       *[other] { NUMBER($bookings, useGrouping: 0) } aftaler
    } og { $handoffs ->
        [one] { NUMBER($handoffs, useGrouping: 0) } henvendelse
       *[other] { NUMBER($handoffs, useGrouping: 0) } henvendelser
    } til en medarbejder fra dig. Hent en kopi her:
privacy-export_page_name = mine-data.html
privacy-export_json = Og her er de samme data som en fil til computere (JSON):
privacy-export_name = mine-data.json
# $kept: one line per record kind the municipality keeps, anonymised (privacy-kept_*).
privacy-on_delete =
    Sletter du dine data, forsvinder alt det her. Kommunen beholder kun det her, men uden forbindelse til dig:
    { $kept }
privacy-kept_events = • En log over, hvad der skete i chatten (fx at en samtale blev booket), uden beskeder. Den bruges til statistik.
privacy-kept_audit_log = • En log over, hvilke medarbejdere der har arbejdet med din henvendelse. Den viser, hvem der har set hvad.
privacy-kept_other = • Oplysninger i { $table }, uden forbindelse til dig.
privacy-confirm_delete = Vil du slette alt, jeg har gemt om dig? Dine bookede samtaler bliver også aflyst. Statistik og medarbejdernes log bliver gjort anonyme. Det kan ikke fortrydes.
privacy-deleted = Alt er slettet. Skriver du igen, starter vi forfra.
privacy-kept = Okay, intet er slettet.

## The export page (services/export_view.py).

privacy-page-title = Dine data hos Jobassistenten
privacy-page-intro = Her er alt, hvad Jobassistenten har gemt om dig, { $date }. CPR-numre, telefonnumre og e-mails er skjult i beskederne. Tider er dansk tid.
privacy-page-empty = Intet gemt.
privacy-page-yes = ja
privacy-page-no = nej
privacy-page-col_time = Tidspunkt
privacy-page-col_from = Fra
privacy-page-col_text = Besked
privacy-page-from_you = Dig
privacy-page-from_bot = Jobassistenten
privacy-page-citizens = Dig
privacy-page-citizens_about = Hvornår du første gang skrev, og om du har logget ind (med et nummer fra MitID, ikke dit CPR-nummer).
privacy-page-conversations = Dine chats
privacy-page-conversations_about = Hver chat med Jobassistenten (på nettet eller i Telegram), og hvor du var nået til.
privacy-page-messages = Beskeder
privacy-page-messages_about = Det, du og Jobassistenten har skrevet. Svar, der kun er gemt et andet sted (fx i dit CV), står som [privat svar].
privacy-page-bookings = Aftaler
privacy-page-bookings_about = Dine bookede, flyttede og aflyste samtaler.
privacy-page-handoffs = Henvendelser til en medarbejder
privacy-page-handoffs_about = Når du har bedt om at tale med en person: hvorfor, hvordan du vil kontaktes, og hvad der skete.
privacy-page-cvs = Dit CV
privacy-page-cvs_about = Det, du har skrevet i dit CV, også dine kontaktoplysninger.
privacy-page-files = Filer
privacy-page-files_about = Filer, du har fået i chatten, fx kalenderinvitationer og kopier af dine data.
privacy-page-outbox = Beskeder sendt til dig
privacy-page-outbox_about = Svar, påmindelser og beskeder fra medarbejdere, som de blev sendt.
privacy-page-events = Hændelser
privacy-page-events_about = Hvad der skete i chatten, uden beskeder (fx at en samtale blev booket). Bruges til statistik.
privacy-page-audit_log = Medarbejdernes log
privacy-page-audit_log_about = Hvilke medarbejdere der har arbejdet med din henvendelse, og hvornår.
privacy-page-handoff_notes = Medarbejdernes notater
privacy-page-handoff_notes_about = Notater, medarbejderne har skrevet om din henvendelse.
privacy-page-turn_tickets = Beskeder under behandling
privacy-page-turn_tickets_about = Beskeder, der lige nu venter på svar.
privacy-page-other = Andre oplysninger ({ $table })
privacy-page-kept = Hvis du sletter dine data
privacy-page-complaint = Er du utilfreds med, hvordan kommunen behandler dine oplysninger, kan du klage til Datatilsynet på datatilsynet.dk.

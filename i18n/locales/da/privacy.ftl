### What is stored, the data export and deletion.

privacy-about =
    Jeg gemmer dine beskeder i denne chat og dine aftaler, så jeg kan hjælpe dig. CPR-numre, telefonnumre og e-mails bliver skjult, før noget gemmes.
    Kun jobcentrets medarbejdere kan se det, og kun når du beder om at tale med en person. Du kan se og slette dine data.

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
privacy-export_name = mine-data.json
privacy-confirm_delete = Vil du slette alt, jeg har gemt om dig? Dine bookede samtaler bliver også aflyst. Det kan ikke fortrydes.
privacy-deleted = Alt er slettet. Skriver du igen, starter vi forfra.
privacy-kept = Okay, intet er slettet.

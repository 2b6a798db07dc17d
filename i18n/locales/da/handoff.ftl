### Reaching a person (dialogs/flows/handoff.py, rating.py) and what the citizen sees of the caseworker side.

handoff-ask_reason = Jeg sender dig videre til en medarbejder. Hvad drejer det sig om? Skriv det kort, eller vælg:
handoff-topic_benefits = Min ydelse eller udbetaling
handoff-topic_meeting = En samtale eller aftale
handoff-topic_sickness = Sygdom
handoff-topic_complaint = En klage
handoff-ask_consent = Må medarbejderen læse et kort resumé af vores samtale? Så behøver du ikke forklare det hele igen. Siger du nej, ser medarbejderen kun, hvad det drejer sig om.
handoff-consent_yes = Ja, det må de gerne
handoff-consent_no = Nej, kun hvad det drejer sig om
handoff-ask_contact = Hvordan vil du kontaktes?
handoff-contact_chat = Her i chatten
handoff-contact_phone = Ring til mig
handoff-contact_callback = Ring til mig på et bestemt tidspunkt
handoff-ask_callback = Hvornår passer det, at vi ringer? Skriv fx "i morgen kl 10" eller "torsdag eftermiddag".
handoff-bad_callback = Det tidspunkt forstod jeg ikke, eller det er allerede gået. Skriv fx "i morgen kl 10".
handoff-ask_phone = Hvilket nummer skal vi ringe til? Nummeret bruges kun til denne henvendelse.
handoff-bad_phone = Skriv et dansk telefonnummer med 8 cifre, fx 12 34 56 78.
handoff-sent_chat_open =
    Tak. Din henvendelse er sendt til en medarbejder. Forventet ventetid: cirka { $minutes } { $minutes ->
        [one] minut
       *[other] minutter
    }. Medarbejderen skriver til dig her. Du kan bruge chatten imens.
handoff-sent_chat_closed = Tak. Din henvendelse er sendt. Jobcentret har lukket nu. En medarbejder skriver til dig her, når vi åbner { $opens }.
handoff-sent_phone_open =
    Tak. Din henvendelse er sendt. En medarbejder ringer til dig, forventet om cirka { $minutes } { $minutes ->
        [one] minut
       *[other] minutter
    }.
handoff-sent_phone_closed = Tak. Din henvendelse er sendt. Jobcentret har lukket nu. En medarbejder ringer til dig, når vi åbner { $opens }.
handoff-sent_callback_open = Tak. En medarbejder ringer til dig { $when }.
handoff-sent_callback_closed = Tak. En medarbejder ringer til dig { $when }.
handoff-crisis_recorded = Jeg har bedt en medarbejder om at kontakte dig hurtigst muligt. Er du i fare, så ring 112. Livslinien: 70 201 201.
handoff-already_open = Du har allerede bedt om at blive kontaktet. En medarbejder vender tilbage.
handoff-withdraw = Træk min henvendelse tilbage
handoff-withdrawn = Din henvendelse er trukket tilbage. Skriv bare igen, hvis du får brug for hjælp.
handoff-nothing_to_withdraw = Der er ingen henvendelse at trække tilbage. Er en medarbejder allerede i gang, så skriv til medarbejderen her, eller ring til jobcentret.

# Sent to the citizen by the caseworker side (services/inbox.py).
handoff-claimed = { $name } fra jobcentret har taget din henvendelse. Skriv her, så svarer { $name } dig.
handoff-caseworker_says = { $name } (medarbejder): { $text }
handoff-forwarded = Din henvendelse er sendt videre til { $name }, som skriver til dig her.
handoff-closed = Medarbejderen har afsluttet samtalen. Nu skriver du igen med Jobassistenten, en chatbot. Hvordan var hjælpen?
handoff-rate_good = 👍 God
handoff-rate_bad = 👎 Ikke god

rating-ask_comment = Tak. Vil du skrive kort, hvad der var godt eller dårligt? Du kan også springe over.
rating-skip = Spring over
rating-thanks = Tak for din vurdering. Den hjælper os med at blive bedre.
handoff-noted = Tak, det kommer med til medarbejderen.
handoff-not_sent = Okay, jeg har ikke sendt noget videre. Skriv bare igen, hvis du vil tale med en medarbejder. Her er menuen:

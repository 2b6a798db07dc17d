### The jobcentre's practical facts, from the municipality's configuration (dialogs/flows/contact.py).

# $hours: one contact-span per line; $status: contact-open_now, contact-closed_now or contact-no_hours.
contact-info =
    { $name }
    Adresse: { $address }. { $directions }
    Telefon: { $phone }. E-mail: { $email }
    Åbningstider:
    { $hours }
    { $status }
contact-hours_only =
    { $name }
    Åbningstider:
    { $hours }
    { $status }
# $days: contact-day or contact-days.
contact-span = { $days }: { $opens }-{ $closes }
# $day: 0 = Monday.
contact-day = { $day ->
        [0] man.
        [1] tir.
        [2] ons.
        [3] tor.
        [4] fre.
        [5] lør.
       *[6] søn.
    }
# A run of days with the same hours; $first and $last are contact-day texts.
contact-days = { $first }-{ $last }
contact-open_now = Der er åbent nu, til kl. { $closes }.
contact-closed_now = Der er lukket nu. Vi åbner igen { $opens }.
contact-no_hours = Spørg en medarbejder om åbningstiderne.

### The job centre's practical facts, from the municipality's configuration (dialogs/flows/contact.py).
### English copy of i18n/locales/da/contact.ftl.

# $hours: one contact-span per line; $status: contact-open_now, contact-closed_now or contact-no_hours.
contact-info =
    { $name }
    Address: { $address }. { $directions }
    Phone: { $phone }. E-mail: { $email }
    Opening hours:
    { $hours }
    { $status }
contact-hours_only =
    { $name }
    Opening hours:
    { $hours }
    { $status }
# $days: contact-day or contact-days.
contact-span = { $days }: { $opens }-{ $closes }
# $day: 0 = Monday.
contact-day = { $day ->
        [0] Mon
        [1] Tue
        [2] Wed
        [3] Thu
        [4] Fri
        [5] Sat
       *[6] Sun
    }
# A run of days with the same hours; $first and $last are contact-day texts.
contact-days = { $first }-{ $last }
contact-open_now = It is open now, until { $closes }.
contact-closed_now = It is closed now. We open again on { $opens }.
contact-no_hours = Ask a member of staff about the opening hours.

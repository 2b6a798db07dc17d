### Booking, moving, cancelling and listing meetings (samtaler), and the sickness shortcut.

booking-ask_type = Hvilken slags samtale skal du have?
booking-ask_mode = Hvordan vil du holde samtalen?
# After "Flere tider": later times than the ones shown before (never "the first free times").
booking-offer_more = Her er flere ledige tider, senere end dem før. Vælg en, eller skriv hvornår det passer dig.
# "Book senest" is the selvbook deadline; it is explained where it is shown.
booking-offer_first = Book senest { $deadline }. Det er fristen for selv at booke. Har du ikke booket inden da, finder jobcentret en tid til dig. Her er de første ledige tider. Vælg en, eller skriv hvornår det passer dig (fx "tirsdag eftermiddag" eller "3/12 kl 10").
booking-offer_wish = Ledige tider, der passer til det, du skrev:
booking-more = Flere tider
booking-none_for_wish = Der er ingen ledige tider, der passer til det. Her er de nærmeste:
booking-none_from_day = Der er ingen ledige tider, der passer til det. Her er de nærmeste fra { $day }:
booking-weekend = Jobcentret holder ikke samtaler i weekenden. Her er de nærmeste tider efter weekenden:
booking-none_at_all = Der er desværre ingen ledige tider lige nu. En medarbejder kan finde en tid til dig.
booking-no_more = Der er ikke flere ledige tider. Skriv en anden dag, eller tal med en medarbejder.
booking-unclear_wish = Jeg forstod ikke tidspunktet. Vælg en tid, eller skriv fx "fredag formiddag".
booking-confirm = Vil du booke: { $type }, { $when }, { $mode }?
booking-confirm_yes = Ja, book den
booking-confirm_no = Nej, vælg en anden
booking-booked = Din samtale er booket: { $type }, { $when }, { $mode }, med { $caseworker }. { $details } Du får en påmindelse dagen før. Her er en kalenderinvitation:
# A phone meeting: the slot is booked first, then the number is asked for (it is kept on the booking only).
booking-ask_call_number = Hvilket telefonnummer skal vi ringe til? Skriv nummeret (8 cifre). Det gemmes kun sammen med samtalen.
booking-call_number_bad = Det ligner ikke et dansk telefonnummer. Skriv 8 cifre, fx 12 34 56 78, eller tryk på knappen.
booking-call_number_known = Brug det nummer, jobcentret har
booking-call_number_saved = Tak. Vi ringer til dig på nummeret, der slutter på { $ending }.
booking-call_number_kept = Okay. Vi ringer til dig på det nummer, jobcentret har.
booking-where_phone_pending = Vi ringer til dig.
# How to attend, one sentence per mode ($details in the texts above and below).
booking-where_attend = Mød op på { $place }, { $address }. { $directions }
booking-where_attend_short = Mød op på { $place }.
booking-where_phone = Vi ringer til dig på nummeret, der slutter på { $ending }.
booking-where_phone_known = Vi ringer til dig på det nummer, jobcentret har.
booking-where_video = Deltag via dette link: { $url }
booking-where_video_later = Du får linket til videomødet fra jobcentret.
booking-taken = Den tid er desværre lige blevet taget. Her er andre ledige tider:
booking-too_late = Den tid kan ikke bookes længere. Her er andre ledige tider:
booking-cancelled_choice = Okay. Vælg en anden tid:
# Invite files are named by the meeting's time, so an older invite of a moved meeting is told apart by its name.
booking-invite_name = samtale-{ $stamp }.ics
booking-invite_cancel_name = aflyst-samtale-{ $stamp }.ics
booking-invite_summary = { $type } med jobcentret
booking-invite_description = { $type }, { $mode }. { $details } Sagsbehandler: { $caseworker }. Jobcentrets telefon: { $phone }. Kan du ikke komme, så flyt eller aflys i chatten.
booking-invite_cancel_summary = AFLYST: { $type } med jobcentret
booking-invite_cancel_description = Samtalen { $when } er aflyst og bliver ikke holdt.
booking-invite_organizer = { $caseworker }, { $place }
booking-invite_location_attend = { $place }, { $address }
booking-invite_location_phone = Telefon – vi ringer til dig
booking-invite_location_video = { $url }
booking-invite_details_attend = Adresse: { $address }. { $directions }
booking-invite_details_phone = Vi ringer til dig.
booking-invite_details_video = Link til videomødet: { $url }
# $type is a configured label with a capital ("Jobsamtale"): it stands after a colon or in brackets, never mid-sentence.
booking-reminder = Påmindelse: Du har en samtale { $when }: { $type }, { $mode }. Kan du ikke komme, så skriv "flyt" eller "aflys".
sickness-has_meeting = Du har en samtale { $when } med { $caseworker } ({ $type }). Er du syg den dag, så ring til { $phone } inden samtalen, eller flyt eller aflys den her:
sickness-call = Skal du melde dig syg til en samtale, så ring til jobcentret på { $phone } inden samtalen.
sickness-move = Flyt samtalen
sickness-cancel = Aflys samtalen
meetings-none = Du har ingen bookede samtaler.
meetings-none_buttons_book = Book en samtale
# The citizen's bookings, one meetings-item per line in $items (a bullet each: the items are long).
meetings-list =
    Dine samtaler:
    { $items }
meetings-item = • { $when }: { $type }, { $mode }, med { $caseworker }. { $details }
meetings-item_by_jobcentre = • { $when }: { $type }, { $mode }, med { $caseworker } (booket af jobcentret). { $details }
# The citizen asked to book for a day they already have a meeting (e.g. from a letter): show it first.
meetings-on_that_day = Du har allerede en samtale den dag: { $type }, { $when }, { $mode }, med { $caseworker }. { $details } Vil du flytte eller aflyse den?
meetings-on_that_day_book = Book en ny samtale alligevel
# A button to pick one of several bookings.
meetings-pick_item = { $when }: { $type }
meetings-pick_move = Hvilken samtale vil du flytte?
meetings-pick_cancel = Hvilken samtale vil du aflyse?
meetings-move_offer = Du har en samtale { $when } ({ $type }). Vælg en ny tid, eller skriv hvornår det passer dig:
meetings-confirm_move = Vil du flytte din samtale ({ $type }) fra { $old } til { $when }?
meetings-confirm_move_yes = Ja, flyt den
meetings-moved = Din samtale er flyttet til { $when }, { $mode }, med { $caseworker }. { $details } Her er den nye kalenderinvitation. Den erstatter invitationen til { $old }, som ikke gælder længere:
meetings-confirm_cancel = Vil du aflyse din samtale { $when } ({ $type })?
meetings-confirm_cancel_yes = Ja, aflys den
meetings-confirm_cancel_no = Nej, behold den
meetings-cancelled = Din samtale { $when } er aflyst. At aflyse uden en gyldig grund kan få betydning for din ydelse, så fortæl { $caseworker } hvorfor (tlf. { $phone }). Husk at booke en ny tid, hvis du skal. Her er aflysningen til din kalender:
meetings-kept = Okay, din samtale er ikke aflyst.
meetings-gone = Den samtale findes ikke længere. Her er dine samtaler nu:
meetings-gone_short = Den samtale findes ikke længere.

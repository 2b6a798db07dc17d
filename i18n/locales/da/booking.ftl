### Booking, moving, cancelling and listing meetings (samtaler), and the sickness shortcut.

booking-ask_type = Hvilken slags samtale skal du have?
booking-ask_mode = Hvordan vil du holde samtalen?
booking-offer = Her er de første ledige tider. Vælg en, eller skriv hvornår det passer dig (fx "tirsdag eftermiddag" eller "3/12 kl 10").
booking-offer_first = Book senest { $deadline }. Her er de første ledige tider. Vælg en, eller skriv hvornår det passer dig (fx "tirsdag eftermiddag" eller "3/12 kl 10").
booking-offer_wish = Ledige tider, der passer til det, du skrev:
booking-more = Flere tider
booking-none_for_wish = Der er ingen ledige tider, der passer til det. Her er de nærmeste:
booking-none_at_all = Der er desværre ingen ledige tider lige nu. En medarbejder kan finde en tid til dig.
booking-no_more = Der er ikke flere ledige tider. Skriv en anden dag, eller tal med en medarbejder.
booking-unclear_wish = Jeg forstod ikke tidspunktet. Vælg en tid, eller skriv fx "fredag formiddag".
booking-confirm = Vil du booke: { $type }, { $when }, { $mode }?
booking-confirm_yes = Ja, book den
booking-confirm_no = Nej, vælg en anden
booking-booked = Din samtale er booket: { $type }, { $when }, { $mode }. Du får en påmindelse dagen før. Her er en kalenderinvitation:
booking-taken = Den tid er desværre lige blevet taget. Her er andre ledige tider:
booking-too_late = Den tid kan ikke bookes længere. Her er andre ledige tider:
booking-cancelled_choice = Okay. Vælg en anden tid:
booking-invite_name = samtale.ics
booking-invite_cancel_name = aflyst-samtale.ics
booking-invite_summary = { $type } med jobcentret
booking-invite_description = { $type }, { $mode }. Booket via Jobassistenten. Kan du ikke komme, så flyt eller aflys i chatten.
booking-reminder = Påmindelse: Du har { $type } { $when }, { $mode }. Kan du ikke komme, så skriv "flyt" eller "aflys".
sickness-has_meeting = Du har { $type } { $when }. Vil du flytte eller aflyse den?
sickness-move = Flyt samtalen
sickness-cancel = Aflys samtalen
meetings-none = Du har ingen bookede samtaler.
meetings-none_buttons_book = Book en samtale
# The citizen's bookings, one meetings-item per line in $items.
meetings-list =
    Dine samtaler:
    { $items }
meetings-item = { $when }: { $type }, { $mode }
# A button to pick one of several bookings.
meetings-pick_item = { $when }: { $type }
meetings-pick_move = Hvilken samtale vil du flytte?
meetings-pick_cancel = Hvilken samtale vil du aflyse?
meetings-move_offer = Du har { $type } { $when }. Vælg en ny tid, eller skriv hvornår det passer dig:
meetings-confirm_move = Vil du flytte din { $type } fra { $old } til { $when }?
meetings-confirm_move_yes = Ja, flyt den
meetings-moved = Din samtale er flyttet til { $when }, { $mode }. Her er en opdateret kalenderinvitation:
meetings-confirm_cancel = Vil du aflyse din { $type } { $when }?
meetings-confirm_cancel_yes = Ja, aflys den
meetings-confirm_cancel_no = Nej, behold den
meetings-cancelled = Din samtale { $when } er aflyst. Husk at booke en ny tid, hvis du skal. Her er aflysningen til din kalender:
meetings-kept = Okay, din samtale er ikke aflyst.
meetings-gone = Den samtale findes ikke længere. Her er dine samtaler nu:
meetings-gone_short = Den samtale findes ikke længere.

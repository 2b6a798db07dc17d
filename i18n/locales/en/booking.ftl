### Booking, moving, cancelling and listing meetings (samtaler), and the sickness shortcut.
### English copy of i18n/locales/da/booking.ftl. $type and $mode are configured labels (may be Danish);
### $when, $deadline, $day, $old are dates formatted per locale (i18n/locales/<locale>/formats.yml).

booking-ask_type = What kind of meeting (samtale) do you need?
booking-ask_mode = How do you want to have the meeting?
# After "More times": later times than the ones shown before (never "the first free times").
booking-offer_more = Here are more free times, later than the ones before. Choose one, or write when it suits you.
# "Book by" is the selvbook deadline; it is explained where it is shown.
booking-offer_first = Book by { $deadline }. That is the deadline for booking yourself (selvbook). If you have not booked by then, the job centre will find a time for you. Here are the first free times. Choose one, or write when it suits you (for example "Tuesday afternoon" or "3/12 at 10").
booking-offer_wish = Free times that match what you wrote:
booking-more = More times
booking-none_for_wish = There are no free times that match that. Here are the nearest ones:
booking-none_from_day = There are no free times that match that. Here are the nearest ones from { $day }:
booking-weekend = The job centre does not have meetings at the weekend. Here are the nearest times after the weekend:
booking-none_at_all = Sorry, there are no free times right now. A member of staff can find a time for you.
booking-no_more = There are no more free times. Write another day, or talk to a member of staff.
booking-unclear_wish = I did not understand the time. Choose a time, or write for example "Friday morning".
booking-confirm = Do you want to book: { $type }, { $when }, { $mode }?
booking-confirm_yes = Yes, book it
booking-confirm_no = No, choose another time
booking-booked = Your meeting is booked: { $type }, { $when }, { $mode }, with { $caseworker }. { $details } You will get a reminder the day before. Here is a calendar invitation:
# A phone meeting: the slot is booked first, then the number is asked for (it is kept on the booking only).
booking-ask_call_number = Which phone number should we call? Write the number (8 digits). It is only saved with the meeting.
booking-call_number_bad = That does not look like a Danish phone number. Write 8 digits, for example 12 34 56 78, or press the button.
booking-call_number_known = Use the number the job centre has
booking-call_number_saved = Thank you. We will call you on the number that ends in { $ending }.
booking-call_number_kept = Okay. We will call you on the number the job centre has.
booking-where_phone_pending = We will call you.
# How to attend, one sentence per mode ($details in the texts above and below).
booking-where_attend = Come to { $place }, { $address }. { $directions }
booking-where_attend_short = Come to { $place }.
booking-where_phone = We will call you on the number that ends in { $ending }.
booking-where_phone_known = We will call you on the number the job centre has.
booking-where_video = Join with this link: { $url }
booking-where_video_later = You will get the link to the video meeting from the job centre.
booking-taken = Sorry, someone has just taken that time. Here are other free times:
booking-too_late = That time can no longer be booked. Here are other free times:
booking-cancelled_choice = Okay. Choose another time:
# Invite files are named by the meeting's time, so an older invite of a moved meeting is told apart by its name.
booking-invite_name = meeting-{ $stamp }.ics
booking-invite_cancel_name = cancelled-meeting-{ $stamp }.ics
booking-invite_summary = { $type } with the job centre
booking-invite_description = { $type }, { $mode }. { $details } Caseworker: { $caseworker }. The job centre's phone: { $phone }. If you cannot come, move or cancel the meeting in the chat.
booking-invite_cancel_summary = CANCELLED: { $type } with the job centre
booking-invite_cancel_description = The meeting on { $when } is cancelled and will not take place.
booking-invite_organizer = { $caseworker }, { $place }
booking-invite_location_attend = { $place }, { $address }
booking-invite_location_phone = Phone – we will call you
booking-invite_location_video = { $url }
booking-invite_details_attend = Address: { $address }. { $directions }
booking-invite_details_phone = We will call you.
booking-invite_details_video = Link to the video meeting: { $url }
# $type is a configured label with a capital and a gloss ("Jobsamtale (job meeting)"): it stands after a colon,
# never mid-sentence and never in brackets (brackets inside brackets are hard to read).
booking-reminder = Reminder: You have a meeting on { $when }: { $type }, { $mode }. If you cannot come, write "move" or "cancel".
sickness-has_meeting = You have a meeting on { $when } with { $caseworker }: { $type }. If you are sick that day, call { $phone } before the meeting, or move or cancel it here:
sickness-call = If you need to report sick for a meeting, call the job centre on { $phone } before the meeting.
sickness-move = Move the meeting
sickness-cancel = Cancel the meeting
meetings-none = You have no booked meetings.
meetings-none_buttons_book = Book a meeting
# The citizen's bookings, one meetings-item per line in $items (a bullet each: the items are long).
meetings-list =
    Your meetings:
    { $items }
meetings-item = • { $when }: { $type }, { $mode }, with { $caseworker }. { $details }
meetings-item_by_jobcentre = • { $when }: { $type }, { $mode }, with { $caseworker } (booked by the job centre). { $details }
# The citizen asked to book for a day they already have a meeting (e.g. from a letter): show it first.
meetings-on_that_day = You already have a meeting that day: { $type }, { $when }, { $mode }, with { $caseworker }. { $details } Do you want to move or cancel it?
meetings-on_that_day_book = Book a new meeting anyway
# A button to pick one of several bookings.
meetings-pick_item = { $when }: { $type }
meetings-pick_move = Which meeting do you want to move?
meetings-pick_cancel = Which meeting do you want to cancel?
meetings-move_offer = You have a meeting on { $when }: { $type }. Choose a new time, or write when it suits you:
meetings-confirm_move = Do you want to move your meeting from { $old } to { $when }? The meeting: { $type }.
meetings-confirm_move_yes = Yes, move it
meetings-moved = Your meeting is moved to { $when }, { $mode }, with { $caseworker }. { $details } Here is the new calendar invitation. It replaces the invitation for { $old }, which is no longer valid:
meetings-confirm_cancel = Do you want to cancel your meeting on { $when }? The meeting: { $type }.
meetings-confirm_cancel_yes = Yes, cancel it
meetings-confirm_cancel_no = No, keep it
meetings-cancelled = Your meeting on { $when } is cancelled. Cancelling without a valid reason can affect your benefit (ydelse), so tell { $caseworker } why (phone { $phone }). Remember to book a new time if you need one. Here is the cancellation for your calendar:
meetings-kept = Okay, your meeting is not cancelled.
meetings-gone = That meeting does not exist any more. Here are your meetings now:
meetings-gone_short = That meeting does not exist any more.

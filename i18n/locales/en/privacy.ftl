### What is stored, the data export and deletion.
### English copy of i18n/locales/da/privacy.ftl.

# The privacy notice. $days: how long messages are kept; $anonymous_days: an anonymous web chat after its last message.
# Legal basis: GDPR art. 6(1)(e), a task in the public interest / exercise of official authority.
privacy-about =
    This is what I save about you:
    • What: your messages in the chat, your meetings, your CV and your requests to a member of staff. CPR numbers (Danish personal ID numbers), phone numbers and e-mails are hidden in the messages before they are saved.
    • Why: so that I can help you, and so that a member of staff can take over when you ask for it.
    • How long: the messages are deleted after { $days ->
        [one] { NUMBER($days, useGrouping: 0) } day
       *[other] { NUMBER($days, useGrouping: 0) } days
    }. If you use the chat without logging in, everything is deleted { $anonymous_days ->
        [one] { NUMBER($anonymous_days, useGrouping: 0) } day
       *[other] { NUMBER($anonymous_days, useGrouping: 0) } days
    } after your last message.
    • Who can see it: only staff at the job centre, and only when you ask to talk to a person.
    • Why the municipality may do this: it is part of the job centre's tasks as a public authority (General Data Protection Regulation, Article 6(1)(e)).
    • If you are not satisfied, you can complain to Datatilsynet (the Danish Data Protection Agency) at datatilsynet.dk. You can also talk to the job centre first.

# Counts of stored messages, bookings and hand-offs; CLDR "en" plurals are one (1) and other (0, 2, ...).
privacy-summary =
    I have saved { $messages ->
        [one] { NUMBER($messages, useGrouping: 0) } message
       *[other] { NUMBER($messages, useGrouping: 0) } messages
    }, { $bookings ->
        [one] { NUMBER($bookings, useGrouping: 0) } meeting
       *[other] { NUMBER($bookings, useGrouping: 0) } meetings
    } and { $handoffs ->
        [one] { NUMBER($handoffs, useGrouping: 0) } request
       *[other] { NUMBER($handoffs, useGrouping: 0) } requests
    } to a member of staff from you. Get a copy here:
privacy-export_page_name = my-data.html
privacy-export_json = And here is the same data as a file for computers (JSON):
privacy-export_name = my-data.json
# $kept: one line per record kind the municipality keeps, anonymised (privacy-kept_*).
privacy-on_delete =
    If you delete your data, all of this disappears. The municipality keeps only the things below, and they are not connected to you:
    { $kept }
privacy-kept_events = • A log of what happened in the chat (for example that a meeting was booked), without messages. It is used for statistics.
privacy-kept_audit_log = • A log of which members of staff have worked with your request. It shows who has seen what.
privacy-kept_other = • Information in { $table }, not connected to you.
privacy-confirm_delete = Do you want to delete everything I have saved about you? Your booked meetings will also be cancelled. Statistics and the staff log will be made anonymous. This cannot be undone.
privacy-deleted = Everything is deleted. If you write again, we start from the beginning.
privacy-kept = Okay, nothing is deleted.

## The export page (services/export_view.py).

privacy-page-title = Your data at Jobassistenten
privacy-page-intro = Here is everything Jobassistenten had saved about you on { $date }. CPR numbers, phone numbers and e-mails are hidden in the messages. Times are Danish time.
privacy-page-empty = Nothing saved.
privacy-page-yes = yes
privacy-page-no = no
privacy-page-col_time = Time
privacy-page-col_from = From
privacy-page-col_text = Message
privacy-page-from_you = You
privacy-page-from_bot = Jobassistenten
privacy-page-citizens = You
privacy-page-citizens_about = When you first wrote, and whether you have logged in (with a number from MitID, not your CPR number).
privacy-page-conversations = Your chats
privacy-page-conversations_about = Each chat with Jobassistenten (on the web or in Telegram), and how far you got.
privacy-page-messages = Messages
privacy-page-messages_about = What you and Jobassistenten have written. Answers that are only saved somewhere else (for example in your CV) are shown as [privat svar] (private answer).
privacy-page-bookings = Meetings
privacy-page-bookings_about = Your booked, moved and cancelled meetings.
privacy-page-handoffs = Requests to a member of staff
privacy-page-handoffs_about = When you have asked to talk to a person: why, how you want to be contacted, and what happened.
privacy-page-cvs = Your CV
privacy-page-cvs_about = What you have written in your CV, also your contact details.
privacy-page-files = Files
privacy-page-files_about = Files you have received in the chat, for example calendar invitations and copies of your data.
privacy-page-outbox = Messages sent to you
privacy-page-outbox_about = Answers, reminders and messages from staff, as they were sent.
privacy-page-events = Events
privacy-page-events_about = What happened in the chat, without messages (for example that a meeting was booked). Used for statistics.
privacy-page-audit_log = The staff log
privacy-page-audit_log_about = Which members of staff have worked with your request, and when.
privacy-page-handoff_notes = Staff notes
privacy-page-handoff_notes_about = Notes that staff have written about your request.
privacy-page-turn_tickets = Messages being processed
privacy-page-turn_tickets_about = Messages that are waiting for an answer right now.
privacy-page-other = Other information ({ $table })
privacy-page-kept = If you delete your data
privacy-page-complaint = If you are not satisfied with how the municipality handles your information, you can complain to Datatilsynet (the Danish Data Protection Agency) at datatilsynet.dk.

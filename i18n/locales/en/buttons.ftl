### Titles of the buttons in the named button sets (dialogs/buttons.yml), one per action.
### A title is shared by every set that offers the same action. English copy of i18n/locales/da/buttons.ftl.

buttons-book_meeting = Book a meeting
buttons-list_meetings = My meetings
buttons-reschedule_meeting = Move a meeting
buttons-cancel_meeting = Cancel a meeting
buttons-cv_help = Help with CV
buttons-job_search_tips = Job search tips
buttons-youth_education = Education for young people
buttons-local_offers = Offers in the municipality
buttons-human_handoff = Talk to a person
buttons-show_menu = Menu
buttons-show_my_data = See my data
buttons-delete_my_data = Delete my data
buttons-confirm_delete = Yes, delete everything
buttons-keep_data = No, keep it

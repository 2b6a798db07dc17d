### Titles of the buttons in the named button sets (dialogs/buttons.yml), one per action.
### A title is shared by every set that offers the same action.

buttons-book_meeting = Book en samtale
buttons-list_meetings = Mine samtaler
buttons-reschedule_meeting = Flyt en samtale
buttons-cancel_meeting = Aflys en samtale
buttons-cv_help = Hjælp til CV
buttons-job_search_tips = Tips til jobsøgning
buttons-youth_education = Uddannelse for unge
buttons-local_offers = Tilbud i kommunen
buttons-human_handoff = Tal med en medarbejder
buttons-show_menu = Menu
buttons-show_my_data = Se mine data
buttons-delete_my_data = Slet mine data
buttons-confirm_delete = Ja, slet alt
buttons-keep_data = Nej, behold det

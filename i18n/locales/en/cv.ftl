### The CV builder (dialogs/flows/cv.py, cv_steps.py, cv_views.py) and the CV's own texts (services/cv/).
### Examples of periods are written "2019 to 2022": a hyphen between two years is masked as a phone number
### in the stored transcript. English copy of i18n/locales/da/cv.ftl.

cv-intro = I will help you make your CV here in the chat. I will ask one short question at a time. You can always skip, go back, or stop and continue another day. Your CV is saved as we go.
cv-continue = Welcome back. Let us continue where you stopped.
cv-welcome_back = Welcome back to your CV. This is how far we got:
cv-back_first = This is the first question.
cv-saved = Saved.
cv-done = Well done! You have answered all the questions. This is how your CV looks now:
cv-paused = Your CV is saved. Write "my CV" when you want to continue. It can also be another day.

# A question with what was understood of the last answer before it, or with the answer it has now.
cv-note_then =
    { $note }
    { $question }
cv-with_current =
    { $question }
    Now it says:
    { $current }
    Write a new answer, or press "Skip" to keep it.
cv-current_hidden = (filled in, but I do not show it here to protect your privacy)

## Questions, one per step.

cv-ask-name = What is your full name?
cv-ask-phone = Which phone number can employers call? It is only shown in your CV.
cv-ask-email = Which e-mail can employers write to? It is only shown in your CV.
cv-ask-titles = What job are you looking for? You can write more than one, for example "warehouse worker, driver".
cv-ask-area = Where would you like to work? Write a town or an area.
cv-ask-hours = Do you want to work full-time or part-time?
cv-ask-start = When can you start?
cv-ask-job_title = Now about your work experience. What was your last job? Write the job title, for example "cashier".
cv-ask-job_title_more = Have you had other jobs? Write the job title, or press "No more".
cv-ask-job_title_edit = What was the job title?
cv-ask-employer = Where did you work as { $title }? Write the workplace.
cv-ask-job_period = When did you work as { $title }? Write for example "2019 to 2022", "Jan 2020 to now" or "3 years".
cv-ask-period_end = When did it end? Write for example "March 2021", or "now" if it has not ended.
cv-ask-period_start = When did it start? Write for example "2018" or "August 2018".
cv-ask-tasks = What did you do as { $title }? Write the most important tasks, for example "served customers, filled shelves".
cv-ask-results = What did you achieve as { $title }? For example "trained new colleagues" or "got responsibility for the warehouse".
cv-ask-edu_title = Now about your education. What is your latest education or school? For example "9. klasse (9th grade)", "HF (upper secondary)" or "SOSU-hjælper (social and health care helper)".
cv-ask-edu_title_more = Do you have other education? Write the name, or press "No more".
cv-ask-edu_title_edit = What is the name of the education?
cv-ask-school = Where did you study { $title }? Write the name of the school.
cv-ask-edu_period = When did you study { $title }? Write for example "2015 to 2017".
cv-ask-courses = Do you have courses or certificates? For example "forklift certificate, first aid".
cv-ask-skills = What are you good at in a job? You can write several things, for example "customer service, till, cleaning".
cv-ask-languages = Which languages do you speak, and how well? For example "Danish fluent, English good".
cv-ask-licence = Do you have a driving licence?
cv-ask-strengths = Now we will write a short profile about you. What are you good at in a workplace?
cv-ask-described = How would your colleagues describe you? Write 2-3 words, for example "calm, helpful, reliable".
cv-ask-next = What would you like to do in your next job?
cv-ask-profile_ok =
    Here is a suggestion for your profile:
    { $text }
    Do you want to use it?
cv-ask-profile_own = Write your own profile: 3-5 sentences about you and the job you are looking for.

## Choices.

cv-hours-full = Full-time
cv-hours-part = Part-time
cv-hours-both = Both
cv-start-now = Right away
cv-hide_employer = Do not show the workplace
cv-none = None
cv-no_more = No more
cv-licence-b = B (car)
cv-licence-c = C (lorry)
cv-licence-none = No driving licence
cv-profile-use = Use it
cv-profile-own = I will write it myself

## What was understood.

cv-noted-list = Noted: { $items }.
cv-noted-value = Noted: { $value }.
cv-noted-period = Noted: { $period }.
cv-noted-hidden = Noted. The workplace will not be shown in your CV.
cv-noted-languages =
    Noted:
    { $languages }
cv-noted-licence = Noted: driving licence { $categories }.

## Not understood: the question is asked again.

cv-retry-name = Write your name in letters, for example "Mette Hansen".
cv-retry-phone = That does not look like a phone number. Write 8 digits, for example 12 34 56 78, or press "Skip".
cv-retry-email = That does not look like an e-mail. Write for example name@mail.dk, or press "Skip".
cv-retry-list = I did not understand that. You can write several things with a comma between them.
cv-retry-period = I did not understand that period. Write for example "2019 to 2022", "Jan 2020 to now" or "3 years".
cv-retry-period_more = I did not understand that. Write a year or a month, for example "2021" or "March 2021", or "now".
cv-retry-languages = Write the language and how well you speak it, for example "Danish fluent, English a little".
cv-retry-licence = Write the category, for example "B" for car, or press a button.
cv-retry-profile = Write a little more, best 3-5 sentences.
cv-retry-profile_ok = Press "Use it", or write your own profile.
cv-retry-text = Write an answer, or press "Skip".

## Buttons.

cv-button-skip = Skip
cv-button-back = Back
cv-button-pause = Save and stop
cv-button-continue = Continue my CV
cv-button-edit = Change something
cv-button-review = Check my CV
cv-button-pdf = Get as PDF
cv-button-hub = To the overview
cv-button-edit_entry = Change { $n }
cv-button-delete_entry = Delete { $n }
cv-button-add_job = Add a job
cv-button-add_education = Add an education
cv-button-delete_this = Delete: { $entry }
cv-button-yes_delete = Yes, delete
cv-button-no_keep = No, keep

## The overview, sections and entries.

cv-hub-text =
    { $note }
    { $sections }
    { $jobnet }
cv-hub-title = This is how your CV looks now:
cv-hub-done = ✓ { $section }
cv-hub-todo = ○ { $section }
cv-hub-count = ✓ { $section } ({ $count })
cv-which_section = Which part of your CV do you want to change?
cv-entries-title = This is how it looks in your CV now.
cv-entries-text =
    { $note }
    { $section }:
    { $entries }
    Choose what you want to change or delete.
cv-entries-empty =
    { $note }
    There is nothing under { $section } yet.
cv-numbered = { $n }. { $text }
cv-line = • { $text }

cv-section-contact = Contact details
cv-section-wishes = Job wishes
cv-section-jobs = Work experience
cv-section-education = Education
cv-section-courses = Courses and certificates
cv-section-skills = Skills
cv-section-languages = Languages
cv-section-licence = Driving licence
cv-section-profile = Profile

# Jobnet shows a CV to employers only when these are filled in. Jobnet's own (Danish) field names, with a gloss,
# so the citizen finds them on Jobnet.dk.
cv-jobnet-education = Uddannelse (education)
cv-jobnet-jobs = Arbejdserfaring (work experience)
cv-jobnet-contact = Kontaktoplysninger (contact details: name and phone or e-mail)
cv-jobnet-wishes = Jeg søger job som (I am looking for a job as)
cv-jobnet-conditions = Ansættelsesbetingelser (terms of employment: full-time or part-time)
cv-jobnet-complete = Everything Jobnet (Denmark's public job portal) needs is filled in. Remember to put your CV on Jobnet.dk.
cv-jobnet-missing =
    This is missing before Jobnet (Denmark's public job portal) shows your CV to employers:
    { $missing }

## Deleting.

cv-delete-confirm = Do you want to delete "{ $entry }" from your CV?
cv-delete-confirm_all = Do you want to delete your whole CV? This cannot be undone.
cv-delete-done = Deleted.
cv-delete-done_all = Your CV is deleted.
cv-delete-kept = I have not deleted anything.
cv-delete-not_found = I could not find that in your CV.
cv-delete-which = Which one do you want to delete?

## Review ("check my CV"): the rules are in services/cv/review.py.

cv-review-good = Your CV looks good. I have no tips right now. Remember to put it on Jobnet.dk (Denmark's public job portal).
cv-review-tips =
    My tips for your CV:
    { $tips }
    { $more ->
        [0] Press "Change something" to make changes.
        [one] There is 1 more tip when you have fixed the first ones.
       *[other] There are { $more } more tips when you have fixed the first ones.
    }
cv-tip-jobnet =
    Jobnet (Denmark's public job portal) only shows your CV to employers when these parts are filled in:
    { $missing }
cv-tip-name = Write your name at the top of the CV.
cv-tip-contact = Write a phone number or an e-mail, so employers can contact you.
cv-tip-gap = There is a gap between { $before } and { $after }. Write briefly what you did, for example maternity or paternity leave, illness, travel, a course or voluntary work. Otherwise the employer will guess.
cv-tip-period = Write when (from and to) for { $entry }.
cv-tip-tasks = Write 2-4 tasks for { $entry }.
cv-tip-results = Write a result for { $entry }: what did you achieve? For example "trained 3 new colleagues" or "fewer mistakes at the till".
cv-tip-verbs = Start the tasks for { $entry } with what you did, for example "served customers" or "packed orders". Then they are easy to read.
cv-tip-profile = Write a short profile. It is the first thing employers read.
cv-tip-skills = Write your skills. Employers search for them on Jobnet (Denmark's public job portal).
cv-tip-level = Write how well you speak { $languages }, for example "good" or "a little".
cv-tip-long = Your CV is long. Keep it to 1-2 pages, and only write the most important things for the oldest jobs.

## The CV's own words: periods, entries, levels, the profile text, the PDF.

cv-ym = { $month ->
        [1] Jan { $year }
        [2] Feb { $year }
        [3] March { $year }
        [4] April { $year }
        [5] May { $year }
        [6] June { $year }
        [7] July { $year }
        [8] Aug { $year }
        [9] Sep { $year }
        [10] Oct { $year }
        [11] Nov { $year }
        [12] Dec { $year }
       *[other] { $year }
    }
cv-period-range = { $start } – { $end }
cv-period-ongoing = { $start } – now
cv-entry-full = { $title }, { $place } ({ $period })
cv-entry-period = { $title } ({ $period })
cv-entry-place = { $title }, { $place }
cv-entry-title = { $title }
cv-level-native = native language
cv-level-fluent = fluent
cv-level-good = good
cv-level-basic = a little
cv-language-level = { $name } – { $level }
cv-language-name = { $name }
cv-licence-certificate = Driving licence { $category }
# The last two words of a list in a sentence ("calm, helpful and reliable").
cv-list-and = { $first } and { $last }
cv-profile-described = My colleagues describe me as { $words }.
cv-profile-strengths = I am good at { $what }.
cv-profile-next = My goal is { $what }.

cv-pdf-title = CV
cv-pdf-file_name = CV.pdf
cv-pdf-page = Page { $page } of { $pages }
cv-pdf-phone = Phone: { $phone }
cv-pdf-email = E-mail: { $email }
cv-pdf-seeking = Looking for a job as: { $titles }
cv-pdf-result = Result: { $text }
cv-pdf-licence = Category { $categories }
cv-pdf-wish_titles = Job title
cv-pdf-wish_area = Area
cv-pdf-wish_hours = Working hours
cv-pdf-wish_start = Can start
cv-pdf-empty = Your CV is still empty. Press "Continue my CV", and we will get started.
cv-pdf-ready =
    Here is your CV as a PDF.
    { $jobnet }

# For a caseworker's handoff summary (services/cv/review.py status_line).
cv-status-none = not started
cv-status-line = filled in: { $filled }; missing for Jobnet: { $missing }
cv-review-source = My tips are based on: { $source } · checked { $reviewed }

### The CV builder (dialogs/flows/cv.py, cv_steps.py, cv_views.py) and the CV's own texts (services/cv/).
### Examples of periods are written "2019 til 2022": a hyphen between two years is masked as a phone number
### in the stored transcript.

cv-intro = Jeg hjælper dig med at lave dit CV her i chatten. Jeg stiller et kort spørgsmål ad gangen. Du kan altid springe over, gå tilbage eller stoppe og fortsætte en anden dag. Dit CV bliver gemt undervejs.
cv-continue = Velkommen tilbage. Vi fortsætter, hvor du slap.
cv-welcome_back = Velkommen tilbage til dit CV. Vi var nået hertil:
cv-back_first = Det her er det første spørgsmål.
cv-saved = Gemt.
cv-done = Godt gået! Du har været alle spørgsmålene igennem. Sådan ser dit CV ud nu:
cv-paused = Dit CV er gemt. Skriv "mit CV", når du vil fortsætte. Det kan også være en anden dag.

# A question with what was understood of the last answer before it, or with the answer it has now.
cv-note_then =
    { $note }
    { $question }
cv-with_current =
    { $question }
    Nu står der:
    { $current }
    Skriv et nyt svar, eller tryk "Spring over" for at beholde det.
cv-current_hidden = (udfyldt, men jeg viser det ikke her af hensyn til dit privatliv)

## Questions, one per step.

cv-ask-name = Hvad er dit fulde navn?
cv-ask-phone = Hvilket telefonnummer kan arbejdsgivere ringe til? Det står kun i dit CV.
cv-ask-email = Hvilken e-mail kan arbejdsgivere skrive til? Den står kun i dit CV.
cv-ask-titles = Hvilket job søger du? Skriv gerne flere, fx "lagermedarbejder, chauffør".
cv-ask-area = Hvor vil du gerne arbejde? Skriv en by eller et område.
cv-ask-hours = Vil du arbejde fuldtid eller deltid?
cv-ask-start = Hvornår kan du starte?
cv-ask-job_title = Nu kommer din erhvervserfaring. Hvad var dit seneste job? Skriv stillingen, fx "kassemedarbejder".
cv-ask-job_title_more = Har du haft flere job? Skriv stillingen, eller tryk "Ikke flere".
cv-ask-job_title_edit = Hvad hed stillingen?
cv-ask-employer = Hvor arbejdede du som { $title }? Skriv arbejdspladsen.
cv-ask-job_period = Hvornår arbejdede du som { $title }? Skriv fx "2019 til 2022", "jan 2020 til nu" eller "3 år".
cv-ask-period_end = Hvornår sluttede det? Skriv fx "marts 2021", eller "nu" hvis det ikke er slut.
cv-ask-period_start = Hvornår startede det? Skriv fx "2018" eller "august 2018".
cv-ask-tasks = Hvad lavede du som { $title }? Skriv de vigtigste opgaver, fx "betjente kunder, fyldte varer op".
cv-ask-results = Hvad kom der ud af dit arbejde som { $title }? Fx "oplærte nye kolleger" eller "fik ansvar for lageret".
cv-ask-edu_title = Nu kommer din uddannelse. Hvad er din seneste uddannelse eller skole? Fx "9. klasse", "HF" eller "SOSU-hjælper".
cv-ask-edu_title_more = Har du andre uddannelser? Skriv navnet, eller tryk "Ikke flere".
cv-ask-edu_title_edit = Hvad hedder uddannelsen?
cv-ask-school = Hvor tog du { $title }? Skriv skolens navn.
cv-ask-edu_period = Hvornår tog du { $title }? Skriv fx "2015 til 2017".
cv-ask-courses = Har du kurser eller certifikater? Fx "truckcertifikat, førstehjælp".
cv-ask-skills = Hvad er du god til i et job? Skriv gerne flere ting, fx "kundeservice, kasse, rengøring".
cv-ask-languages = Hvilke sprog taler du, og hvor godt? Fx "dansk flydende, engelsk godt".
cv-ask-licence = Har du kørekort?
cv-ask-strengths = Nu laver vi en kort profil om dig. Hvad er du god til på en arbejdsplads?
cv-ask-described = Hvordan vil dine kolleger beskrive dig? Skriv 2-3 ord, fx "rolig, hjælpsom, stabil".
cv-ask-next = Hvad vil du gerne lave i dit næste job?
cv-ask-profile_ok =
    Her er et forslag til din profil:
    { $text }
    Vil du bruge den?
cv-ask-profile_own = Skriv din egen profil: 3-5 sætninger om dig og det job, du søger.

## Choices.

cv-hours-full = Fuldtid
cv-hours-part = Deltid
cv-hours-both = Begge dele
cv-start-now = Med det samme
cv-hide_employer = Vis ikke arbejdspladsen
cv-none = Ingen
cv-no_more = Ikke flere
cv-licence-b = B (bil)
cv-licence-c = C (lastbil)
cv-licence-none = Intet kørekort
cv-profile-use = Brug den
cv-profile-own = Jeg skriver selv

## What was understood.

cv-noted-list = Noteret: { $items }.
cv-noted-value = Noteret: { $value }.
cv-noted-period = Noteret: { $period }.
cv-noted-hidden = Noteret. Arbejdspladsen bliver ikke vist i dit CV.
cv-noted-languages =
    Noteret:
    { $languages }
cv-noted-licence = Noteret: kørekort { $categories }.

## Not understood: the question is asked again.

cv-retry-name = Skriv dit navn med bogstaver, fx "Mette Hansen".
cv-retry-phone = Det ligner ikke et telefonnummer. Skriv 8 cifre, fx 12 34 56 78, eller tryk "Spring over".
cv-retry-email = Det ligner ikke en e-mail. Skriv fx navn@mail.dk, eller tryk "Spring over".
cv-retry-list = Det forstod jeg ikke. Skriv gerne flere ting med komma imellem.
cv-retry-period = Den periode forstod jeg ikke. Skriv fx "2019 til 2022", "jan 2020 til nu" eller "3 år".
cv-retry-period_more = Det forstod jeg ikke. Skriv et år eller en måned, fx "2021" eller "marts 2021", eller "nu".
cv-retry-languages = Skriv sproget og hvor godt du taler det, fx "dansk flydende, engelsk lidt".
cv-retry-licence = Skriv kategorien, fx "B" for bil, eller tryk på en knap.
cv-retry-profile = Skriv lidt mere, gerne 3-5 sætninger.
cv-retry-profile_ok = Tryk "Brug den", eller skriv din egen profil.
cv-retry-text = Skriv et svar, eller tryk "Spring over".

## Buttons.

cv-button-skip = Spring over
cv-button-back = Tilbage
cv-button-pause = Gem og stop
cv-button-continue = Fortsæt mit CV
cv-button-edit = Ret noget
cv-button-review = Kig på mit CV
cv-button-pdf = Hent som PDF
cv-button-hub = Til oversigten
cv-button-edit_entry = Ret { $n }
cv-button-delete_entry = Slet { $n }
cv-button-add_job = Tilføj et job
cv-button-add_education = Tilføj en uddannelse
cv-button-delete_this = Slet: { $entry }
cv-button-yes_delete = Ja, slet
cv-button-no_keep = Nej, behold

## The overview, sections and entries.

cv-hub-text =
    { $note }
    { $sections }
    { $jobnet }
cv-hub-title = Sådan ser dit CV ud nu:
cv-hub-done = ✓ { $section }
cv-hub-todo = ○ { $section }
cv-hub-count = ✓ { $section } ({ $count })
cv-which_section = Hvilken del af dit CV vil du rette?
cv-entries-title = Sådan står det i dit CV nu.
cv-entries-text =
    { $note }
    { $section }:
    { $entries }
    Vælg, hvad du vil rette eller slette.
cv-entries-empty =
    { $note }
    Der står ikke noget under { $section } endnu.
cv-numbered = { $n }. { $text }
cv-line = • { $text }

cv-section-contact = Kontaktoplysninger
cv-section-wishes = Jobønsker
cv-section-jobs = Erhvervserfaring
cv-section-education = Uddannelse
cv-section-courses = Kurser og certifikater
cv-section-skills = Kompetencer
cv-section-languages = Sprog
cv-section-licence = Kørekort
cv-section-profile = Profil

# Jobnet shows a CV to employers only when these are filled in.
cv-jobnet-education = Uddannelse
cv-jobnet-jobs = Arbejdserfaring
cv-jobnet-contact = Kontaktoplysninger (navn og telefon eller e-mail)
cv-jobnet-wishes = Jeg søger job som
cv-jobnet-conditions = Ansættelsesbetingelser (fuldtid eller deltid)
cv-jobnet-complete = Alt det, Jobnet kræver, er udfyldt. Husk at lægge dit CV på Jobnet.dk.
cv-jobnet-missing =
    Det mangler, før Jobnet viser dit CV til arbejdsgivere:
    { $missing }

## Deleting.

cv-delete-confirm = Vil du slette "{ $entry }" fra dit CV?
cv-delete-confirm_all = Vil du slette hele dit CV? Det kan ikke fortrydes.
cv-delete-done = Slettet.
cv-delete-done_all = Dit CV er slettet.
cv-delete-kept = Jeg har ikke slettet noget.
cv-delete-not_found = Det kunne jeg ikke finde i dit CV.
cv-delete-which = Hvilken vil du slette?

## Review ("kig på mit CV"): the rules are in services/cv/review.py.

cv-review-good = Dit CV ser godt ud. Jeg har ingen tips lige nu. Husk at lægge det på Jobnet.dk.
cv-review-tips =
    Mine tips til dit CV:
    { $tips }
    { $more ->
        [0] Tryk "Ret noget" for at rette.
        [one] Der er 1 tip mere, når du har rettet de første.
       *[other] Der er { $more } tips mere, når du har rettet de første.
    }
cv-tip-jobnet =
    Jobnet viser først dit CV til arbejdsgivere, når disse dele er udfyldt:
    { $missing }
cv-tip-name = Skriv dit navn øverst i CV'et.
cv-tip-contact = Skriv et telefonnummer eller en e-mail, så arbejdsgivere kan kontakte dig.
cv-tip-gap = Der er et hul mellem { $before } og { $after }. Skriv kort, hvad du lavede, fx barsel, sygdom, rejse, kursus eller frivilligt arbejde. Ellers gætter arbejdsgiveren.
cv-tip-period = Skriv hvornår (fra og til) ved { $entry }.
cv-tip-tasks = Skriv 2-4 opgaver ved { $entry }.
cv-tip-results = Skriv et resultat ved { $entry }: hvad kom der ud af dit arbejde? Fx "oplærte 3 nye kolleger" eller "færre fejl i kassen".
cv-tip-verbs = Begynd opgaverne ved { $entry } med det, du gjorde, fx "betjente kunder" eller "pakkede ordrer". Så er de lette at læse.
cv-tip-profile = Skriv en kort profil. Det er det første, arbejdsgivere læser.
cv-tip-skills = Skriv dine kompetencer. Arbejdsgivere søger efter dem på Jobnet.
cv-tip-level = Skriv, hvor godt du taler { $languages }, fx "godt" eller "lidt".
cv-tip-long = Dit CV er langt. Hold det på 1-2 sider, og skriv kun det vigtigste ved de ældste job.

## The CV's own words: periods, entries, levels, the profile text, the PDF.

cv-ym = { $month ->
        [1] jan. { $year }
        [2] feb. { $year }
        [3] marts { $year }
        [4] april { $year }
        [5] maj { $year }
        [6] juni { $year }
        [7] juli { $year }
        [8] aug. { $year }
        [9] sep. { $year }
        [10] okt. { $year }
        [11] nov. { $year }
        [12] dec. { $year }
       *[other] { $year }
    }
cv-period-range = { $start } – { $end }
cv-period-ongoing = { $start } – nu
cv-entry-full = { $title }, { $place } ({ $period })
cv-entry-period = { $title } ({ $period })
cv-entry-place = { $title }, { $place }
cv-entry-title = { $title }
cv-level-native = modersmål
cv-level-fluent = flydende
cv-level-good = godt
cv-level-basic = lidt
cv-language-level = { $name } – { $level }
cv-language-name = { $name }
cv-licence-certificate = Kørekort { $category }
# The last two words of a list in a sentence ("rolig, hjælpsom og pålidelig").
cv-list-and = { $first } og { $last }
cv-profile-described = Mine kolleger beskriver mig som { $words }.
cv-profile-strengths = Jeg er god til { $what }.
cv-profile-next = Mit mål er { $what }.

cv-pdf-title = CV
cv-pdf-file_name = CV.pdf
cv-pdf-page = Side { $page } af { $pages }
cv-pdf-phone = Telefon: { $phone }
cv-pdf-email = E-mail: { $email }
cv-pdf-seeking = Søger job som: { $titles }
cv-pdf-result = Resultat: { $text }
cv-pdf-licence = Kategori { $categories }
cv-pdf-wish_titles = Stilling
cv-pdf-wish_area = Område
cv-pdf-wish_hours = Arbejdstid
cv-pdf-wish_start = Kan starte
cv-pdf-empty = Dit CV er tomt endnu. Tryk "Fortsæt mit CV", så går vi i gang.
cv-pdf-ready =
    Her er dit CV som PDF.
    { $jobnet }

# For a caseworker's handoff summary (services/cv/review.py status_line).
cv-status-none = ikke påbegyndt
cv-status-line = udfyldt: { $filled }; mangler til Jobnet: { $missing }
cv-review-source = Mine tips bygger på: { $source } · gennemgået { $reviewed }

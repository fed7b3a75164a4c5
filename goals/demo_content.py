"""Demo content for the "Almene mål" part of the newsroom, in Danish.

``PROGRAMMES`` holds goal programmes with their goals, efforts ("indsatser") and indicators.
The current programme, Almene mål 2024-2026, uses the real names of its three goals, the period
and the adoption by BL's repræsentantskab in December 2023 as facts; every text about them is
written for the demo. The earlier programme, "Almene pejlemærker 2021-2023", is invented for the
demo, and so are all indicator values and measurements (their sources say so).

The module is pure data. Dates are ISO strings, decimals are strings (parse with ``Decimal``),
descriptions are HTML using only p, h2, strong, em and ul/li, and ``article_tags`` are names
from ``articles.demo.content.TAGS``: demo articles with any of these tags are linked to the goal.
"""

from __future__ import annotations

# Goal programmes, newest first. Exactly one is current.
PROGRAMMES = [
    {
        "title": "Almene mål 2024-2026",
        "slug": "almene-maal-2024-2026",
        "first_year": 2024,
        "last_year": 2026,
        "adopted_on": "2023-12-07",
        "adopted_by": "BL's repræsentantskab",
        "intro": (
            "Almene mål 2024-2026 sætter den fælles kurs for den almene sektor i tre år og blev "
            "vedtaget af BL's repræsentantskab i december 2023. Med omkring 600.000 boliger og en "
            "million beboere bag sig samler sektoren sig om tre pejlemærker: robuste by- og "
            "boligfællesskaber, ambitiøse grønne fællesskaber og levende demokratiske "
            "fællesskaber. Målene er et kompas for boligorganisationer, afdelingsbestyrelser og "
            "samarbejdspartnere – ikke en facitliste, der skal følges punkt for punkt."
        ),
        "is_current": True,
        "goals": [
            {
                "title": "Robuste by- og boligfællesskaber",
                "slug": "robuste-by-og-boligfaellesskaber",
                "summary": (
                    "Almene boliger skal sikre plads til almindelige indkomster i byerne med en "
                    "husleje, man kan betale, et lavere klimaaftryk og en udvikling, der binder "
                    "landet sammen."
                ),
                "description": (
                    "<p>I mange af de større byer er boligpriserne steget så meget, at "
                    "sygeplejersker, buschauffører og studerende har svært ved at finde et sted at "
                    "bo. De almene boliger er en af de få boligformer, hvor huslejen fastsættes ud "
                    "fra, hvad det koster at bygge og drive boligerne – ikke ud fra, hvad markedet "
                    "kan bære. Derfor spiller sektoren en central rolle, når byerne skal blive ved "
                    "med at have plads til alle.</p>"
                    "<h2>Blandede byer og stærke lokalsamfund</h2>"
                    "<p>Målet handler både om at bygge nyt, hvor behovet er størst, og om at passe "
                    "godt på de boligområder, der allerede findes. Det kræver et tæt samarbejde "
                    "med kommunerne om planlægning og anvisning, så nye kvarterer får en blandet "
                    "beboersammensætning fra starten, og så de udsatte boligområder får de "
                    "investeringer, de har brug for.</p>"
                    "<p>Robusthed gælder ikke kun storbyerne. I mindre byer og landdistrikter står "
                    "mange afdelinger over for faldende befolkningstal, tomme boliger og flere "
                    "ældre beboere. Her kan de almene boliger være med til at holde liv i "
                    "lokalsamfundet, for eksempel ved at omdanne boliger til "
                    "<strong>seniorbofællesskaber</strong> eller stille fællesarealer til rådighed "
                    "for lokale foreninger.</p>"
                    "<h2>Billige at bo i – også om 30 år</h2>"
                    "<p>Betalbare boliger handler ikke kun om huslejen på indflytningsdagen. "
                    "Byggeri og renoveringer skal holde i mange år, være billige at drive og have "
                    "et lavt energiforbrug, så beboerne ikke bliver ramt af store regninger "
                    "senere. Derfor hænger målet tæt sammen med sektorens grønne ambitioner.</p>"
                ),
                "theme": "robust",
                "efforts": [
                    (
                        "Indgå flere aftaler med kommunerne om almene boliger i nye "
                        "byudviklingsområder."
                    ),
                    (
                        "Gennemføre helhedsplaner i udsatte boligområder i tæt samarbejde med "
                        "beboere og kommune."
                    ),
                    "Holde byggeomkostningerne nede med fælles udbud og gennemprøvede boligtyper.",
                    "Udvikle flere seniorbofællesskaber og tilgængelige boliger i mindre byer.",
                    (
                        "Gøre eksisterende boliger mere tilgængelige, så ældre og borgere med "
                        "handicap kan blive boende."
                    ),
                ],
                "indicators": [
                    {
                        "name": "Almene familieboliger med byggetilsagn pr. år",
                        "unit": "boliger",
                        "baseline_value": "3800",
                        "baseline_year": 2023,
                        "target_value": "5000",
                        "target_year": 2026,
                        "measurements": [
                            {
                                "date": "2024-06-30",
                                "value": "4100",
                                "source": "BL, opgørelse til demoen (illustrative tal)",
                            },
                            {
                                "date": "2024-12-31",
                                "value": "4350",
                                "source": "BL, opgørelse til demoen (illustrative tal)",
                            },
                            {
                                "date": "2025-06-30",
                                "value": "4200",
                                "source": "BL, opgørelse til demoen (illustrative tal)",
                            },
                            {
                                "date": "2025-12-31",
                                "value": "4600",
                                "source": "BL, opgørelse til demoen (illustrative tal)",
                            },
                        ],
                    },
                    {
                        "name": "Kommuner med en fælles aftale om almen boligplanlægning",
                        "unit": "antal",
                        "baseline_value": "31",
                        "baseline_year": 2023,
                        "target_value": "50",
                        "target_year": 2026,
                        "measurements": [
                            {
                                "date": "2024-06-30",
                                "value": "36",
                                "source": "BL, opgørelse til demoen (illustrative tal)",
                            },
                            {
                                "date": "2025-01-31",
                                "value": "41",
                                "source": "BL, opgørelse til demoen (illustrative tal)",
                            },
                            {
                                "date": "2025-09-30",
                                "value": "44",
                                "source": "BL, opgørelse til demoen (illustrative tal)",
                            },
                        ],
                    },
                ],
                "article_tags": [
                    "Nybyggeri",
                    "Huslejer",
                    "Byfornyelse",
                    "Helhedsplaner",
                    "Kommunesamarbejde",
                    "Tilgængelighed",
                ],
            },
            {
                "title": "Ambitiøse grønne fællesskaber",
                "slug": "ambitioese-groenne-faellesskaber",
                "summary": (
                    "Almene boliger skal vise vejen i den grønne omstilling med lavere "
                    "CO2-udledning, mere vild natur i boligområderne og skrappe miljøkrav, når der "
                    "bygges og driftes."
                ),
                "description": (
                    "<p>Bygninger står for en stor del af Danmarks samlede CO2-udledning, både "
                    "mens de opføres, og når de bliver brugt. Med omkring 600.000 boliger har den "
                    "almene sektor derfor et stort ansvar – men også en stor mulighed. Når mange "
                    "boligorganisationer stiller de samme krav, kan de flytte et helt marked for "
                    "byggematerialer, energiløsninger og grøn drift.</p>"
                    "<h2>Fra klimakrav til vilde græsplæner</h2>"
                    "<p>Målet spænder bredt. Det handler om at bygge og renovere med materialer, "
                    "der belaster klimaet mindre, og om at skære ned på energiforbruget i de "
                    "boliger, der allerede står der. Det handler også om udearealerne: Mange "
                    "afdelinger har store, kortklippede græsplæner, som med ret enkle greb kan "
                    "blive til blomstereng, regnbede og frugtlunde med plads til både insekter og "
                    "beboere.</p>"
                    "<p>Lige så vigtigt er det, at omstillingen sker sammen med beboerne. "
                    "Affaldssortering, delebiler og byttehylder i kælderen virker kun, hvis folk "
                    "har lyst til at være med. Derfor skal de grønne tiltag helst gøre hverdagen "
                    "<em>bedre</em> – ikke bare dyrere eller mere besværlig.</p>"
                    "<h2>Grønt skal kunne betale sig</h2>"
                    "<p>Mange beboere i de almene boliger har små indkomster, og grønne "
                    "investeringer må ikke sende huslejen i vejret. Sektoren arbejder derfor for "
                    "finansieringsmodeller, hvor besparelser på energi og drift er med til at "
                    "betale for investeringerne, og for at Landsbyggefonden prioriterer de "
                    "projekter, der giver mest klima for pengene.</p>"
                ),
                "theme": "groen",
                "efforts": [
                    (
                        "Stille ens klimakrav til materialer og energiforbrug i alle nye udbud af "
                        "alment byggeri."
                    ),
                    "Energirenovere de afdelinger, der har det højeste varmeforbrug, først.",
                    (
                        "Lægge mindst en tiendedel af de klippede græsplæner om til blomstereng og "
                        "vild natur."
                    ),
                    "Sætte solceller op på egnede tage i samarbejde med lokale energiselskaber.",
                    (
                        "Indføre affaldssortering i ti fraktioner med fælles affaldsøer tæt på "
                        "opgangene."
                    ),
                    "Uddanne driftspersonalet i naturpleje og energistyring.",
                ],
                "indicators": [
                    {
                        "name": "CO2-udledning fra nyt alment byggeri",
                        "unit": "kg CO2e/m²/år",
                        "baseline_value": "8.9",
                        "baseline_year": 2023,
                        "target_value": "6.5",
                        "target_year": 2026,
                        "measurements": [
                            {
                                "date": "2024-06-30",
                                "value": "8.4",
                                "source": "BL, opgørelse til demoen (illustrative tal)",
                            },
                            {
                                "date": "2024-12-31",
                                "value": "7.9",
                                "source": "BL, opgørelse til demoen (illustrative tal)",
                            },
                            {
                                "date": "2025-06-30",
                                "value": "8.1",
                                "source": "BL, opgørelse til demoen (illustrative tal)",
                            },
                            {
                                "date": "2025-12-31",
                                "value": "7.3",
                                "source": "BL, opgørelse til demoen (illustrative tal)",
                            },
                        ],
                    },
                    {
                        "name": "Andel af afdelingernes udearealer med vild natur",
                        "unit": "%",
                        "baseline_value": "6",
                        "baseline_year": 2023,
                        "target_value": "15",
                        "target_year": 2026,
                        "measurements": [
                            {
                                "date": "2024-09-30",
                                "value": "8",
                                "source": "BL, opgørelse til demoen (illustrative tal)",
                            },
                            {
                                "date": "2025-09-30",
                                "value": "11.5",
                                "source": "BL, opgørelse til demoen (illustrative tal)",
                            },
                        ],
                    },
                ],
                "article_tags": [
                    "Klimakrav",
                    "CO2-udledning",
                    "Biodiversitet",
                    "Energirenovering",
                    "Solceller",
                    "Affaldssortering",
                ],
            },
            {
                "title": "Levende demokratiske fællesskaber",
                "slug": "levende-demokratiske-faellesskaber",
                "summary": (
                    "Beboerdemokratiet og de lokale fællesskaber skal styrkes, så færre føler sig "
                    "ensomme, og flere beboere får lyst til og mulighed for at være med til at "
                    "bestemme."
                ),
                "description": (
                    "<p>Beboerdemokratiet er en af de ting, der gør den almene boligmodel særlig. "
                    "Det er beboerne selv, der på afdelingsmødet beslutter husorden, budget og "
                    "større forandringer i deres boligområde. Men mange steder er det de samme få, "
                    "der møder op år efter år, og det kan være svært at finde nye kandidater til "
                    "afdelingsbestyrelsen.</p>"
                    "<h2>Flere skal have en stemme</h2>"
                    "<p>Målet er, at langt flere forskellige beboere oplever, at deres stemme "
                    "tæller – unge, travle børnefamilier, ældre og nytilflyttede med en anden "
                    "baggrund. Det kræver nye mødeformer, digital afstemning, tolkning og en tone, "
                    "hvor man kan være uenige og stadig spise kage sammen bagefter.</p>"
                    "<p>Fællesskab handler også om hverdagen mellem møderne. I de almene "
                    "boligområder bor mange, som lever alene, har et dårligt helbred eller står "
                    "uden for arbejdsmarkedet. Et værksted i kælderen, fællesspisning om torsdagen "
                    "eller en lektiecafé kan være forskellen på at sidde isoleret og at kende sine "
                    "naboer.</p>"
                    "<h2>Frivillige og fagfolk sammen</h2>"
                    "<p>De frivillige er rygraden i fællesskaberne, men de skal ikke stå alene. "
                    "<strong>Boligsociale medarbejdere, ejendomsfunktionærer, kommuner og "
                    "foreninger</strong> skal arbejde sammen om at få øje på de beboere, der har "
                    "brug for en hånd, og om at give ildsjælene bedre vilkår. Det kan være kurser, "
                    "et lille budget til aktiviteter eller hjælp til det praktiske, så de mest "
                    "aktive ikke brænder ud.</p>"
                ),
                "theme": "demokrati",
                "efforts": [
                    (
                        "Afprøve nye mødeformer, blandt andet digital afstemning og korte pop "
                        "op-møder i gården."
                    ),
                    "Tilbyde gratis kurser til nye medlemmer af afdelingsbestyrelser.",
                    (
                        "Starte fællesspisninger og faste mødesteder i afdelinger med mange "
                        "ensomme beboere."
                    ),
                    "Lave aftaler med lokale foreninger om at bruge fællesarealer og beboerhuse.",
                    (
                        "Gøre det lettere for unge at stille op med målrettet information og egne "
                        "valgmøder."
                    ),
                ],
                "indicators": [
                    {
                        "name": "Andel af beboerne, der ofte føler sig ensomme",
                        "unit": "%",
                        "baseline_value": "14",
                        "baseline_year": 2023,
                        "target_value": "10",
                        "target_year": 2026,
                        "measurements": [
                            {
                                "date": "2024-06-30",
                                "value": "13.2",
                                "source": "BL, beboerundersøgelse til demoen (illustrative tal)",
                            },
                            {
                                "date": "2025-06-30",
                                "value": "13.6",
                                "source": "BL, beboerundersøgelse til demoen (illustrative tal)",
                            },
                            {
                                "date": "2026-03-31",
                                "value": "11.8",
                                "source": "BL, beboerundersøgelse til demoen (illustrative tal)",
                            },
                        ],
                    },
                    {
                        "name": "Husstande repræsenteret på afdelingsmødet",
                        "unit": "%",
                        "baseline_value": "11",
                        "baseline_year": 2023,
                        "target_value": "15",
                        "target_year": 2026,
                        "measurements": [
                            {
                                "date": "2024-10-31",
                                "value": "11.8",
                                "source": "BL, opgørelse til demoen (illustrative tal)",
                            },
                            {
                                "date": "2025-10-31",
                                "value": "13.1",
                                "source": "BL, opgørelse til demoen (illustrative tal)",
                            },
                        ],
                    },
                ],
                "article_tags": [
                    "Beboerdemokrati",
                    "Afdelingsmøder",
                    "Ensomhed",
                    "Frivillige",
                    "Trivsel",
                    "Boligsociale indsatser",
                ],
            },
        ],
    },
    {
        "title": "Almene pejlemærker 2021-2023",
        "slug": "almene-pejlemaerker-2021-2023",
        "first_year": 2021,
        "last_year": 2023,
        "adopted_on": "2020-12-03",
        "adopted_by": "BL's repræsentantskab",
        "intro": (
            "Pejlemærkerne for 2021-2023 blev vedtaget midt i coronapandemien, hvor mange beboere "
            "havde mærket, hvor meget naboskab og fællesarealer betyder. De samlede sektoren om "
            "tryghed, grøn drift og beboernes sundhed. Erfaringerne fra perioden blev grundlaget "
            "for Almene mål 2024-2026."
        ),
        "is_current": False,
        "goals": [
            {
                "title": "Trygge og attraktive boligområder",
                "slug": "trygge-og-attraktive-boligomraader",
                "summary": (
                    "Alle skulle kunne føle sig trygge i deres boligområde, og områderne skulle "
                    "hænge bedre sammen med resten af byen."
                ),
                "description": (
                    "<p>Tryghed er en forudsætning for, at folk vil flytte ind et sted og blive "
                    "boende. Under pejlemærket samlede boligorganisationerne deres erfaringer med, "
                    "hvad der gør en forskel i praksis: god belysning på stier og "
                    "parkeringspladser, synlige ejendomsfunktionærer og opgange, hvor man hilser "
                    "på hinanden. Målet var ikke kun færre episoder med uro og hærværk, men at "
                    "beboerne selv oplevede deres område som et godt sted at bo.</p>"
                    "<h2>Fysiske forandringer og lokalt samarbejde</h2>"
                    "<p>En stor del af indsatsen handlede om de fysiske rammer. Lukkede facader "
                    "blev åbnet, mørke gangtunneller blev fjernet, og nye stier gjorde det lettere "
                    "at komme mellem boligområdet og den omgivende by. Flere steder blev der "
                    "anlagt nye veje gennem bebyggelsen, så den ikke længere lå som en ø.</p>"
                    "<p>Men mursten gør det ikke alene. I perioden indgik mange "
                    "boligorganisationer faste samarbejdsaftaler med politi, skoler og kommunernes "
                    "SSP, så problemer kunne opdages og løses tidligt. Frivillige natteravne fik "
                    "samtidig nyt liv i en række afdelinger, da samfundet åbnede op igen efter "
                    "pandemien.</p>"
                    "<h2>Erfaringer til næste periode</h2>"
                    "<p>Opgørelserne viste, at flere beboere følte sig trygge ved periodens "
                    "slutning, men også at fremgangen var skrøbelig: Enkelte episoder kunne "
                    "hurtigt vende stemningen i et helt kvarter. Derfor blev tryghed en naturlig "
                    "del af det bredere mål om robuste by- og boligfællesskaber i Almene mål "
                    "2024-2026.</p>"
                ),
                "theme": "by",
                "efforts": [
                    (
                        "Gennemgå belysning og beplantning langs stier og parkeringspladser sammen "
                        "med beboerne."
                    ),
                    (
                        "Indgå faste samarbejdsaftaler med politi, skoler og SSP i de større "
                        "boligområder."
                    ),
                    "Åbne lukkede bebyggelser op med nye stier og veje til den omgivende by.",
                    (
                        "Støtte frivillige natteravne og andre beboergrupper, der færdes i området "
                        "om aftenen."
                    ),
                ],
                "indicators": [
                    {
                        "name": "Andel af beboerne, der føler sig trygge i deres boligområde",
                        "unit": "%",
                        "baseline_value": "78",
                        "baseline_year": 2020,
                        "target_value": "85",
                        "target_year": 2023,
                        "measurements": [
                            {
                                "date": "2021-11-30",
                                "value": "79",
                                "source": "BL, beboerundersøgelse til demoen (illustrative tal)",
                            },
                            {
                                "date": "2022-11-30",
                                "value": "83",
                                "source": "BL, beboerundersøgelse til demoen (illustrative tal)",
                            },
                            {
                                "date": "2023-11-30",
                                "value": "84",
                                "source": "BL, beboerundersøgelse til demoen (illustrative tal)",
                            },
                        ],
                    },
                ],
                "article_tags": ["Tryghed", "Byfornyelse", "Helhedsplaner", "Udviklingsplaner"],
            },
            {
                "title": "Grøn drift og lavere energiforbrug",
                "slug": "groen-drift-og-lavere-energiforbrug",
                "summary": (
                    "Boligafdelingerne skulle bruge mindre energi og gøre den daglige drift "
                    "grønnere, uden at det gik ud over huslejen."
                ),
                "description": (
                    "<p>Før de skærpede klimakrav til nybyggeri var på plads, lå sektorens største "
                    "potentiale i de bygninger, der allerede stod der. Pejlemærket satte derfor "
                    "fokus på driften: varmeanlæg, belysning, vaskerier og de mange små vaner, der "
                    "tilsammen afgør, hvor meget energi en boligafdeling bruger. Ambitionen var at "
                    "sænke varmeforbruget mærkbart på tre år, uden at beboerne skulle gå på "
                    "kompromis med komforten.</p>"
                    "<h2>Data frem for mavefornemmelse</h2>"
                    "<p>Mange afdelinger fik i perioden installeret fjernaflæste målere, så både "
                    "driftspersonale og beboere kunne følge forbruget tæt. Det gjorde det muligt "
                    "at finde utætte rør, forkert indstillede anlæg og opgange med et usædvanligt "
                    "højt forbrug langt hurtigere end før.</p>"
                    "<p>Energikrisen i 2022 gjorde pludselig emnet brændende aktuelt. De høje "
                    "priser på gas og el ramte beboernes økonomi hårdt, og mange afdelinger "
                    "fremrykkede planlagte projekter som nye vinduer, efterisolering og skiftet "
                    "fra gasfyr til fjernvarme. Flere steder holdt afdelingerne energicaféer, hvor "
                    "beboerne fik gode råd om alt fra radiatortermostater til vaskemaskinens "
                    "spareprogram.</p>"
                    "<h2>Det bedste argument er varmeregningen</h2>"
                    "<p>Erfaringerne viste, at det betaler sig at investere i driftspersonalets "
                    "kompetencer, og at beboerne gerne vil være med, når de kan se resultatet på "
                    "deres egen varmeregning. Samtidig blev der samlet viden om, hvilke "
                    "investeringer der gav mest for pengene, så andre afdelinger kunne bygge "
                    "videre på den. Det arbejde fortsætter i dag under målet om ambitiøse grønne "
                    "fællesskaber.</p>"
                ),
                "theme": "groen",
                "efforts": [
                    "Installere fjernaflæste målere for varme og vand i alle afdelinger.",
                    "Udskifte de sidste olie- og gasfyr med fjernvarme eller varmepumper.",
                    "Skifte gammel belysning i opgange og kældre ud med LED og bevægelsessensorer.",
                    (
                        "Uddanne ejendomsfunktionærer i at indregulere varmeanlæg og finde "
                        "energispild."
                    ),
                ],
                "indicators": [
                    {
                        "name": "Varmeforbrug i almene familieboliger",
                        "unit": "kWh/m²/år",
                        "baseline_value": "118",
                        "baseline_year": 2020,
                        "target_value": "105",
                        "target_year": 2023,
                        "measurements": [
                            {
                                "date": "2021-12-31",
                                "value": "121",
                                "source": "BL, opgørelse til demoen (illustrative tal)",
                            },
                            {
                                "date": "2022-12-31",
                                "value": "109",
                                "source": "BL, opgørelse til demoen (illustrative tal)",
                            },
                            {
                                "date": "2023-12-31",
                                "value": "107",
                                "source": "BL, opgørelse til demoen (illustrative tal)",
                            },
                        ],
                    },
                ],
                "article_tags": [
                    "Drift",
                    "Energirenovering",
                    "Fjernvarme",
                    "CO2-udledning",
                    "Digitalisering",
                ],
            },
            {
                "title": "Sundhed og trivsel for alle beboere",
                "slug": "sundhed-og-trivsel-for-alle-beboere",
                "summary": (
                    "Flere beboere skulle have et godt helbred og et godt liv gennem tidlig hjælp, "
                    "fællesskaber og et tæt samarbejde med kommunernes sundhedstilbud."
                ),
                "description": (
                    "<p>I mange almene boligområder bor der flere med et dårligt helbred end i "
                    "resten af landet. Årsagen er ikke selve boligerne, men at sektoren huser "
                    "mange med lave indkomster, kort uddannelse eller en løs tilknytning til "
                    "arbejdsmarkedet. Pejlemærket tog udgangspunkt i, at boligorganisationerne er "
                    "tæt på beboerne og derfor kan bygge bro til de tilbud, der allerede "
                    "findes.</p>"
                    "<h2>Sundhed, hvor folk bor</h2>"
                    "<p>I perioden blev der afprøvet flere modeller, hvor sundhedsplejersker, "
                    "diætister og rådgivere fra kommunen holdt åben rådgivning i beboerhuset. "
                    "Gågrupper, fælles madlavning og motionshold i gården gjorde det lettere at "
                    "komme i gang for beboere, der ellers sjældent opsøger hjælp. Nogle steder fik "
                    "beboerne en fast kontaktperson, der kunne tage med til lægen eller hjælpe med "
                    "at finde vej i kommunens systemer.</p>"
                    "<p>Coronapandemien viste, hvor sårbar trivslen er, når fællesskaberne lukker "
                    "ned. Mange ældre sad isolerede i lange perioder, og ofte var det naboer og "
                    "ejendomsfunktionærer, der først opdagede, at nogen havde brug for hjælp. "
                    "Telefonkæder og indkøbshjælp blev sat i gang på rekordtid, og de frivillige "
                    "tog en stor del af slæbet.</p>"
                    "<p>Pejlemærket fik aldrig sine egne måletal, fordi data om sundhed på "
                    "afdelingsniveau var for spredte. Til gengæld blev erfaringerne en vigtig del "
                    "af arbejdet med ensomhed og trivsel i de nuværende mål.</p>"
                ),
                "theme": "velfaerd",
                "efforts": [
                    "Holde åben sundhedsrådgivning i beboerhusene i samarbejde med kommunen.",
                    "Starte gågrupper, motionshold og fællesspisninger med fokus på sund mad.",
                    (
                        "Lære ejendomsfunktionærer at spotte beboere, der mistrives, og hjælpe dem "
                        "videre."
                    ),
                    (
                        "Oprette telefonkæder til ældre og enlige beboere under pandemiens "
                        "nedlukninger."
                    ),
                ],
                "indicators": [],
                "article_tags": [
                    "Sundhed",
                    "Trivsel",
                    "Ældre",
                    "Boligsociale indsatser",
                    "Kommunesamarbejde",
                ],
            },
        ],
    },
]

"""Demo content for the newsroom: sections, authors, tags and articles in Danish.

Everything here is written for the demo. All people, housing organisations and housing
departments quoted are fictional; the sector figures and the names of the three goals in
"Almene mål 2024-2026" are used as facts.

The module is pure data. ``ARTICLES`` refer to sections and authors by slug and to tags by
name. The ``PLACES`` and ``FILLER_*`` lists are building blocks for generating many extra
articles (for example in a benchmark seed): headline and lead templates contain exactly one
placeholder, ``{place}``, and are meant to be used with ``str.format(place=...)``.
"""

from __future__ import annotations

# Sections of the site, in menu order.
SECTIONS = [
    {
        "name": "Nyheder",
        "slug": "nyheder",
        "description": (
            "De vigtigste nyheder fra den almene sektor – fra Christiansborg til den enkelte "
            "boligafdeling."
        ),
    },
    {
        "name": "Alment Inside",
        "slug": "alment-inside",
        "description": (
            "Baggrund, analyser og kig bag kulisserne i sektorens organisationer. Her går vi "
            "tæt på de beslutninger, der former fremtidens almene boliger."
        ),
    },
    {
        "name": "Byggeri og renovering",
        "slug": "byggeri-og-renovering",
        "description": (
            "Nybyggeri, renoveringer og arkitektur i de almene boligområder. Vi følger "
            "projekterne fra de første skitser til indflytningsdagen."
        ),
    },
    {
        "name": "Boligpolitik",
        "slug": "boligpolitik",
        "description": (
            "Lovgivning, økonomi og politiske aftaler, der har betydning for landets almene "
            "lejere og boligorganisationer."
        ),
    },
    {
        "name": "Fællesskaber",
        "slug": "faellesskaber",
        "description": (
            "Historier om de mennesker, der skaber liv i boligområderne: frivillige, "
            "beboerdemokrater og naboer, der tager ansvar for hinanden."
        ),
    },
    {
        "name": "Grøn omstilling",
        "slug": "groen-omstilling",
        "description": (
            "Energi, klima og biodiversitet i den almene sektor. Sådan arbejder afdelinger og "
            "boligorganisationer med at gøre deres klimaaftryk mindre."
        ),
    },
]

# Fictional journalists and editors. Bylines refer to them by slug.
AUTHORS = [
    {
        "name": "Mette Kjærgaard Holm",
        "slug": "mette-kjaergaard-holm",
        "role": "Chefredaktør",
        "bio": (
            "Mette Kjærgaard Holm er chefredaktør og står bag Alment Inside. Hun skriver om "
            "boligpolitik, sektorens strategi og de lange linjer i den almene boligmodel."
        ),
    },
    {
        "name": "Jonas Brøndum Lauridsen",
        "slug": "jonas-broendum-lauridsen",
        "role": "Redaktør",
        "bio": (
            "Jonas Brøndum Lauridsen er redaktør på nyhedsdesken og planlægger dækningen fra "
            "dag til dag. Han skriver om drift, økonomi og Landsbyggefonden og har tidligere "
            "dækket kommunalpolitik."
        ),
    },
    {
        "name": "Sara Vestergaard Nielsen",
        "slug": "sara-vestergaard-nielsen",
        "role": "Journalist",
        "bio": (
            "Sara Vestergaard Nielsen skriver om byggeri, renoveringer og arkitektur. Hun "
            "følger især, hvordan de store byggesager påvirker hverdagen for de beboere, der "
            "bor midt i dem."
        ),
    },
    {
        "name": "Kasper Juul Thorsen",
        "slug": "kasper-juul-thorsen",
        "role": "Journalist",
        "bio": (
            "Kasper Juul Thorsen skriver om boligpolitik, huslejer og ejendomsvurderinger. Han "
            "har en svaghed for tal og tabeller og for at forklare, hvad nye regler betyder i "
            "praksis."
        ),
    },
    {
        "name": "Amalie Frost Bech",
        "slug": "amalie-frost-bech",
        "role": "Journalist",
        "bio": (
            "Amalie Frost Bech skriver om beboerdemokrati, frivillige og livet i "
            "boligafdelingerne. Hun er ofte at finde til afdelingsmøder, fællesspisninger og "
            "sommerfester rundt om i landet."
        ),
    },
    {
        "name": "Tobias Vang Eriksen",
        "slug": "tobias-vang-eriksen",
        "role": "Freelancejournalist",
        "bio": (
            "Tobias Vang Eriksen er freelancejournalist med baggrund i miljøjournalistik. Han "
            "skriver om grøn omstilling, energi og biodiversitet og dækker især klimakrav i "
            "byggeri og drift."
        ),
    },
    {
        "name": "Nadia Hjort Simonsen",
        "slug": "nadia-hjort-simonsen",
        "role": "Fotojournalist",
        "bio": (
            "Nadia Hjort Simonsen er fotojournalist og står bag mange af mediets reportager og "
            "portrætter. Hun skriver og fotograferer om børn, unge og de fællesskaber, der "
            "opstår på tværs af opgangene."
        ),
    },
    {
        "name": "Line Overgaard Møller",
        "slug": "line-overgaard-moeller",
        "role": "Journalist",
        "bio": (
            "Line Overgaard Møller skriver om boligsociale indsatser, hjemløshed og samarbejdet "
            "mellem boligorganisationer og kommuner. Hun har tidligere arbejdet som "
            "socialrådgiver."
        ),
    },
]

# Tags (emner). Articles refer to them by name.
TAGS = [
    "Renovering",
    "Energirenovering",
    "Nybyggeri",
    "Beboerdemokrati",
    "Afdelingsmøder",
    "Repræsentantskab",
    "Biodiversitet",
    "Klimakrav",
    "CO2-udledning",
    "Ensomhed",
    "Boligsociale indsatser",
    "Huslejer",
    "Byfornyelse",
    "Ejendomsvurdering",
    "Hjemløshed",
    "Fjernvarme",
    "Solceller",
    "Tilgængelighed",
    "Ældre",
    "Unge",
    "Frivillige",
    "Helhedsplaner",
    "Landsbyggefonden",
    "Kommunesamarbejde",
    "Almene mål",
    "Udviklingsplaner",
    "Affaldssortering",
    "Klimatilpasning",
    "Trivsel",
    "Sundhed",
    "Beskæftigelse",
    "Børn og familier",
    "Arkitektur",
    "Byggeomkostninger",
    "Lovgivning",
    "Drift",
    "Digitalisering",
    "Fællesarealer",
    "Ungdomsboliger",
    "Tryghed",
]

# Hand-written demo articles. `body` is sanitized HTML: p, h2, h3, strong, em, a, ul/ol/li,
# blockquote and one pull quote (blockquote.pull-quote ending in p.attribution) per article.
ARTICLES = [
    {
        "title": "Halvvejs i Almene mål: Sådan bruger afdelingerne de tre pejlemærker",
        "section": "nyheder",
        "authors": ["mette-kjaergaard-holm"],
        "tags": ["Almene mål", "Beboerdemokrati", "Kommunesamarbejde", "Biodiversitet"],
        "lead": (
            "Det er snart halvandet år siden, at sektoren fik sine tre fælles pejlemærker. En "
            "rundringning viser, at målene især bruges på afdelingsmøder og i dialogen med "
            "kommunen – men at det stadig halter med at måle resultaterne."
        ),
        "body": (
            "<p>Da Almene mål 2024-2026 blev vedtaget, var der ikke tale om en stram plan med "
            "deadlines for hver enkelt boligafdeling. Målene skulle i stedet give en fælles "
            "retning for en sektor med omkring 600.000 boliger og en million beboere. Nu er "
            "perioden halvvejs, og spørgsmålet er, om pejlemærkerne er nået ud over "
            "mødelokalerne.</p>"
            "<h2>Fra papir til praksis</h2>"
            "<p>En rundringning til en række boligorganisationer i både store og mindre byer "
            "tegner et billede af mål, der bruges på meget forskellige måder. Nogle steder er "
            "de skrevet direkte ind i organisationens strategi. Andre steder bruges de mere "
            "løst, når bestyrelsen skal vælge mellem mange gode projekter. I Boligforeningen "
            "Vesterlund i Kolding har man valgt at tage udgangspunkt i de tre overskrifter, når "
            "afdelingerne søger midler fra organisationens egen aktivitetspulje.</p>"
            "<p>„Vi beder simpelthen afdelingerne om at skrive, hvilket af de tre mål deres "
            "projekt taler ind i. Det lyder måske bureaukratisk, men det har faktisk gjort "
            "ansøgningerne bedre, fordi folk tænker over, hvorfor de vil det, de vil,“ siger "
            "Hanne Bøgh Carlsen, der er formand for organisationsbestyrelsen i Boligforeningen "
            "Vesterlund.</p>"
            "<p>Hun fortæller, at puljen det seneste år har støttet alt fra insekthoteller og "
            "et fælles værktøjsudlån til en række cafémøder for nye beboere. De tre pejlemærker "
            "lyder i korte træk:</p>"
            "<ul><li><strong>Robuste by- og boligfællesskaber:</strong> betalbare boliger og "
            "byer med plads til alle</li><li><strong>Ambitiøse grønne fællesskaber:</strong> "
            "mindre CO2, mere natur og klimakrav til både nybyggeri og den daglige "
            "drift</li><li><strong>Levende demokratiske fællesskaber:</strong> stærkere "
            "fællesskaber, mindre ensomhed og flere med i beboerdemokratiet</li></ul>"
            '<blockquote class="pull-quote"><p>Det har gjort ansøgningerne bedre, fordi '
            'folk tænker over, hvorfor de vil det, de vil.</p><p class="attribution">Hanne '
            "Bøgh Carlsen, formand for organisationsbestyrelsen i Boligforeningen "
            "Vesterlund</p></blockquote>"
            "<h2>Kommunerne lytter med</h2>"
            "<p>Flere af de adspurgte peger på, at målene har givet et fælles sprog i "
            "samarbejdet med kommunen. Når boligorganisationen og forvaltningen skal forhandle "
            "om for eksempel anvisning, klimatilpasning eller nye boliger, er det en fordel at "
            "kunne henvise til en retning, som hele sektoren står bag.</p>"
            "<p>„Vi oplever, at kommunen tager os mere alvorligt, når vi kan vise, at vores "
            "ønsker ikke bare er lokale påfund, men en del af en større bevægelse. Især det "
            "grønne mål har åbnet døre,“ siger Morten Skjold, direktør i Boligselskabet "
            "Engtoften i Viborg.</p>"
            "<h2>Tallene halter efter</h2>"
            "<p>Til gengæld er det svært at sige præcist, hvor langt sektoren er nået. Mange "
            "organisationer har endnu ikke systematiske opgørelser over for eksempel "
            "energiforbrug, grønne arealer eller fremmødet til afdelingsmøderne. Det gør det "
            "vanskeligt at dokumentere fremskridt – og at lære af hinanden.</p>"
            "<p>Hanne Bøgh Carlsen håber, at anden halvdel af perioden bliver brugt på netop "
            "det. „Vi er gode til at fortælle de gode historier. Nu skal vi også blive bedre "
            "til at tælle, så vi kan se, hvad der rent faktisk virker,“ siger hun. Du kan læse "
            'mere om målene på <a href="https://bl.dk">bl.dk</a>.</p>'
        ),
        "hero_alt": (
            "En kvinde sætter gule huskesedler på en tavle med tre farvede overskrifter i et "
            "fælleshus"
        ),
        "hero_caption": (
            "I Kolding skal afdelingerne forklare, hvilket af de tre mål deres projekt bidrager "
            "til, når de søger penge fra organisationens aktivitetspulje."
        ),
        "hero_credit": "Camilla Thygesen",
    },
    {
        "title": "Skybrud: Beboere i Vejle får sms, før regnen rammer",
        "section": "nyheder",
        "authors": ["jonas-broendum-lauridsen"],
        "tags": ["Klimatilpasning", "Drift", "Digitalisering", "Tryghed"],
        "lead": (
            "Når der varsles skybrud, får beboerne i tre almene afdelinger i Vejle nu en sms "
            "med konkrete råd. Forsøget skal forhindre oversvømmede kældre og give driften "
            "bedre tid til at forberede sig."
        ),
        "body": (
            "<p>Sidste sommers voldsomme regnskyl satte kældrene under vand i flere af de ældre "
            "boligblokke i den nordlige del af Vejle. Cykler, flyttekasser og vaskemaskiner "
            "stod i flere centimeter vand, og driftsmedarbejderne arbejdede i døgndrift for at "
            "få pumperne i gang igen.</p>"
            "<p>Nu skal et nyt varslingssystem gøre afdelingerne bedre forberedt. Når der "
            "varsles kraftig regn, sender boligorganisationen en sms til alle beboere i de "
            "udvalgte afdelinger med besked om at flytte ting fra kælderrummet, lukke vinduerne "
            "og holde ristene fri for blade.</p>"
            "<h2>Driften rykker ud før regnen</h2>"
            "<p>Varslingen går samtidig til driftsholdet, der kører en fast tjekliste igennem, "
            "inden de første dråber falder. „Før opdagede vi tit problemerne, når vandet "
            "allerede stod i kælderen. Nu har vi typisk et par timer til at forberede os, og "
            "det gør en enorm forskel,“ siger driftschef Lars Høgh Mikkelsen fra Boligselskabet "
            "Fjordhøj, som står bag forsøget. Tjeklisten ved skybrudsvarsel ser sådan ud:</p>"
            "<ul><li>Rens afløb, riste og tagrender for blade og affald</li><li>Læg sandsække "
            "ved kældernedgange og lyskasser</li><li>Test pumperne og kontrollér "
            "nødstrømmen</li><li>Send sms til beboerne med konkrete råd</li></ul>"
            "<h2>Beboerne tager godt imod</h2>"
            "<p>I afdelingen Skovbrynet har Ingrid Damgaard boet i snart 30 år. Hun mistede en "
            "hel kasse med familiebilleder, da vandet kom sidste år, og hun er glad for de nye "
            "beskeder.</p>"
            "<p>„Jeg havde ingen anelse om, at det ville blive så slemt. Nu får jeg besked i "
            "god tid, og så bærer jeg tingene op selv eller får hjælp af naboens drenge,“ siger "
            "Ingrid Damgaard.</p>"
            '<blockquote class="pull-quote"><p>Før opdagede vi tit problemerne, når '
            "vandet allerede stod i kælderen. Nu har vi typisk et par timer til at forberede "
            'os.</p><p class="attribution">Lars Høgh Mikkelsen, driftschef i Boligselskabet '
            "Fjordhøj</p></blockquote>"
            "<p>Ifølge boligorganisationen er der ikke tale om en stor investering. "
            "Sms-tjenesten koster nogle få tusinde kroner om året, og tjeklisten er udarbejdet "
            "af driftsmedarbejderne selv. Den største udfordring har været at få opdaterede "
            "telefonnumre på alle beboere, og derfor har ejendomskontoret banket på døre i "
            "flere uger.</p>"
            "<h2>Skal udvides til flere afdelinger</h2>"
            "<p>Forsøget evalueres efter et år, men allerede nu overvejer boligorganisationen "
            "at udvide ordningen til resten af sine afdelinger. Samtidig er der gang i en "
            "større plan for klimatilpasning, hvor regnvandet skal ledes væk fra bygningerne og "
            "ud i grønne bassiner.</p>"
            "<p>„Varslingen er et plaster på såret. Den egentlige løsning er, at vandet får et "
            "sted at være, men det tager tid og kræver et tæt samarbejde med både kommunen og "
            "forsyningen,“ siger Lars Høgh Mikkelsen.</p>"
        ),
        "hero_alt": (
            "En driftsmedarbejder i regntøj renser en rist foran indgangen til en kælder i en "
            "rød murstensblok"
        ),
        "hero_caption": (
            "Driftsholdet har fået en fast tjekliste, der sættes i gang, så snart der varsles "
            "kraftig regn."
        ),
        "hero_credit": "Johan Skovlund",
    },
    {
        "title": "Ny rådgivning skal forhindre, at lejere bliver sat ud på grund af huslejegæld",
        "section": "nyheder",
        "authors": ["line-overgaard-moeller"],
        "tags": ["Huslejer", "Boligsociale indsatser", "Kommunesamarbejde", "Hjemløshed"],
        "lead": (
            "I Randers ringer boligorganisationen nu til lejere, allerede når den første "
            "husleje ikke er betalt. Sammen med kommunens gældsrådgivere vil man stoppe "
            "udsættelserne, før de bliver til hjemløshed."
        ),
        "body": (
            "<p>For de fleste starter det med en enkelt ubetalt husleje. Måske er der kommet en "
            "uventet regning, et jobtab eller en skilsmisse. Men hvis der ikke bliver grebet "
            "ind, kan gælden vokse sig så stor, at det ender med en fogedsag og en "
            "udsættelse.</p>"
            "<p>Det vil Boligselskabet Gudenåhus og Randers Kommune nu forsøge at forhindre med "
            "en fælles indsats, hvor lejerne bliver kontaktet langt tidligere end i dag.</p>"
            "<h2>Et opkald i stedet for et brev</h2>"
            "<p>Hidtil har lejere i restance fået et standardbrev med en betalingsfrist. Nu "
            "ringer en medarbejder fra ejendomskontoret, allerede få dage efter at betalingen "
            "er udeblevet. Målet er at finde ud af, hvad der er galt, og henvise til hjælp, før "
            "problemet vokser.</p>"
            "<p>„Et brev fra boligselskabet bliver tit lagt i en bunke og aldrig åbnet, fordi "
            "man skammer sig. Når vi ringer, kan vi tale om det som mennesker og finde en "
            "løsning sammen,“ siger udlejningschef Pia Rosenkvist fra Boligselskabet Gudenåhus. "
            "Lejerne tilbydes blandt andet:</p>"
            "<ul><li>En afdragsordning, der passer til deres økonomi</li><li>Et møde med "
            "kommunens gældsrådgiver i beboerhuset</li><li>Hjælp til at søge boligstøtte eller "
            "andre ydelser</li><li>Et opfølgende opkald efter en måned</li></ul>"
            "<h2>Færre sager hos fogeden</h2>"
            "<p>Indsatsen har kørt som forsøg i to afdelinger i et halvt år, og de første tal "
            "er lovende. Ifølge boligselskabet er antallet af sager, der sendes videre til "
            "fogeden, faldet mærkbart, mens flere lejere har indgået en afdragsordning.</p>"
            '<blockquote class="pull-quote"><p>Når vi ringer, kan vi tale om det som '
            'mennesker og finde en løsning sammen.</p><p class="attribution">Pia Rosenkvist, '
            "udlejningschef i Boligselskabet Gudenåhus</p></blockquote>"
            "<p>For kommunen handler det om både menneskelige og økonomiske hensyn. En familie, "
            "der bliver sat ud, har ofte brug for hjælp fra mange forskellige dele af kommunen "
            "bagefter, og for enlige kan en udsættelse være begyndelsen på et liv uden fast "
            "bolig.</p>"
            "<p>„Det er langt billigere og langt mindre smertefuldt at hjælpe en familie med at "
            "betale to måneders husleje end at finde en ny bolig til dem bagefter. Forebyggelse "
            "kan simpelthen betale sig,“ siger Thomas Bjerregaard, der er leder af kommunens "
            "borgerrådgivning.</p>"
            "<h2>Udvides til hele byen</h2>"
            "<p>Efter sommerferien bliver ordningen udvidet til alle boligselskabets afdelinger "
            "i Randers. Samtidig er kommunen i dialog med de øvrige boligorganisationer i byen "
            "om at lave lignende aftaler. Pia Rosenkvist understreger, at der stadig vil være "
            "sager, der ender hos fogeden, men at de skal være undtagelsen. „Vi vil hellere "
            "bruge tid på en telefonsamtale end på en udsættelse. Det er der ingen, der vinder "
            "ved,“ siger hun.</p>"
        ),
        "hero_alt": (
            "En rådgiver og en beboer sidder over for hinanden ved et bord med papirer og en "
            "bærbar computer"
        ),
        "hero_caption": (
            "Gældsrådgivningen holder åbent i beboerhuset to eftermiddage om ugen, så lejerne "
            "ikke skal tage ind på rådhuset."
        ),
        "hero_credit": "Ida Marie Bjerre",
    },
    {
        "title": "Lavere fjernvarmepris giver luft i budgettet for 1.200 lejemål",
        "section": "nyheder",
        "authors": ["tobias-vang-eriksen"],
        "tags": ["Fjernvarme", "Huslejer", "CO2-udledning", "Afdelingsmøder"],
        "lead": (
            "Et nordjysk fjernvarmeværk sænker prisen, efter at en stor varmepumpe er gået i "
            "drift. For beboerne i boligorganisationen Limfjordsbo betyder det lavere "
            "acontobeløb – og en sjælden god nyhed på afdelingsmøderne."
        ),
        "body": (
            "<p>Det er ikke hver dag, at beboerne i en almen boligafdeling får at vide, at en "
            "af de store faste udgifter bliver mindre. Men det er netop, hvad der sker for "
            "omkring 1.200 lejemål i boligorganisationen Limfjordsbo, efter at det lokale "
            "fjernvarmeværk har annonceret en lavere varmepris.</p>"
            "<p>Forklaringen er en ny, stor varmepumpe, som udnytter overskudsvarme fra det "
            "rensede spildevand. Den har gjort værket mindre afhængigt af biomasse, der de "
            "seneste år er steget markant i pris.</p>"
            "<h2>Aconto sættes ned</h2>"
            "<p>For beboerne kan prisfaldet mærkes allerede fra næste varmeregnskabsår, hvor "
            "acontobeløbet for varme bliver sat ned. Hvor meget det betyder for den enkelte "
            "husstand, afhænger af boligens størrelse og forbrug, men for en typisk "
            "familiebolig er der tale om flere hundrede kroner om året.</p>"
            "<p>„Vi har i flere år skullet fortælle beboerne om stigende udgifter. Det er rart "
            "for en gangs skyld at kunne komme med en god nyhed,“ siger Karina Vestbjerg, "
            "økonomichef i Limfjordsbo.</p>"
            "<p>Hun understreger, at besparelsen ikke ændrer ved selve huslejen, fordi varmen "
            "afregnes særskilt. Men for mange husstande er den samlede månedlige udgift til "
            "bolig og varme det, der tæller.</p>"
            '<blockquote class="pull-quote"><p>Vi har i flere år skullet fortælle '
            "beboerne om stigende udgifter. Det er rart for en gangs skyld at kunne komme med "
            'en god nyhed.</p><p class="attribution">Karina Vestbjerg, økonomichef i '
            "Limfjordsbo</p></blockquote>"
            "<h2>Grønnere varme</h2>"
            "<p>Ud over den lavere pris betyder varmepumpen også, at fjernvarmen bliver "
            "grønnere. Den strøm, pumpen bruger, kommer i stigende grad fra vind og sol, og "
            "værket forventer dermed at reducere sin CO2-udledning betydeligt over de kommende "
            "år.</p>"
            "<p>Det har betydning for boligorganisationens eget klimaregnskab. Opvarmning står "
            "for en stor del af udledningen fra de almene boliger, og når varmen bliver "
            "grønnere, falder afdelingernes klimaaftryk, uden at beboerne behøver at gøre "
            "noget. Limfjordsbo vil bruge anledningen til at tale med beboerne om, hvad de selv "
            "kan gøre:</p>"
            "<ul><li>Hold radiatorerne fri for møbler og gardiner</li><li>Luft ud kort og "
            "effektivt i stedet for at have vinduerne på klem</li><li>Skru ned for varmen i "
            "rum, der ikke bruges</li><li>Kontakt ejendomskontoret, hvis radiatoren ikke bliver "
            "varm</li></ul>"
            "<h2>Afdelingsmøderne glæder sig</h2>"
            "<p>På et af de første afdelingsmøder efter meldingen fra værket blev nyheden mødt "
            "med spontane klapsalver, fortæller afdelingsformand Johnny Kirketerp. „Folk er "
            "vant til, at punktet om økonomi er det kedelige. Den her gang var det det mest "
            "populære punkt på hele dagsordenen,“ siger han.</p>"
        ),
        "hero_alt": (
            "Et stort, gråt varmepumpeanlæg bag et hegn med en række almene rækkehuse i baggrunden"
        ),
        "hero_caption": (
            "Den nye varmepumpe henter energi fra spildevand og har gjort fjernvarmeværket "
            "mindre afhængigt af biomasse."
        ),
        "hero_credit": "Mikkel Dahlgaard",
    },
    {
        "title": "Boligorganisationer går sammen om fælles indkøb af varmepumper",
        "section": "nyheder",
        "authors": ["tobias-vang-eriksen", "jonas-broendum-lauridsen"],
        "tags": ["Energirenovering", "Byggeomkostninger", "Drift", "Klimakrav"],
        "lead": (
            "Ni boligorganisationer på Sjælland har lavet et fælles udbud på varmepumper til de "
            "afdelinger, der stadig opvarmes med gas eller olie. Ved at købe stort ind håber de "
            "at presse prisen og få ens løsninger, der er lettere at vedligeholde."
        ),
        "body": (
            "<p>Selv om de fleste almene boliger i dag er tilsluttet fjernvarme, er der stadig "
            "afdelinger, især i mindre byer og landsbyer, hvor husene opvarmes med gasfyr eller "
            "oliekedler. For de afdelinger er udskiftningen til en grøn varmekilde en stor og "
            "dyr opgave.</p>"
            "<p>Nu har ni boligorganisationer på Sjælland slået sig sammen om et fælles udbud "
            "på varmepumper. Samlet drejer det sig om godt 700 boliger fordelt på 23 "
            "afdelinger.</p>"
            "<h2>Store indkøb giver bedre priser</h2>"
            "<p>Idéen opstod i et netværk af driftschefer, der mødes et par gange om året for "
            "at udveksle erfaringer. Flere af dem havde hver for sig indhentet tilbud på "
            "varmepumper og var blevet overraskede over priserne.</p>"
            "<p>„Når man kommer som en lille kunde med 30 rækkehuse, har man ikke meget at "
            "forhandle med. Når vi står sammen om flere hundrede boliger, ser det helt "
            "anderledes ud,“ siger driftschef Bo Rasmussen fra Boligforeningen Sydkysten, som "
            "har stået for udbuddet.</p>"
            "<p>Udbuddet er vundet af en leverandør, der både skal levere, installere og "
            "servicere anlæggene i ti år. Ifølge boligorganisationerne ligger prisen pr. bolig "
            "væsentligt under, hvad de enkelte afdelinger selv var blevet tilbudt. Fordelene "
            "ved det fælles udbud er blandt andet:</p>"
            "<ul><li>Lavere pris pr. anlæg og pr. installation</li><li>Ens anlæg, så driften "
            "kun skal kende én type</li><li>En fælles serviceaftale med faste "
            "responstider</li><li>Fælles materiale til beboerne om brug af "
            "varmepumpen</li></ul>"
            '<blockquote class="pull-quote"><p>Når vi står sammen om flere hundrede '
            'boliger, ser det helt anderledes ud.</p><p class="attribution">Bo Rasmussen, '
            "driftschef i Boligforeningen Sydkysten</p></blockquote>"
            "<h2>Beboerne skal stadig sige ja</h2>"
            "<p>Selv om indkøbet er fælles, er det stadig beboerne i hver enkelt afdeling, der "
            "beslutter, om de vil have en varmepumpe. Udskiftningen er en forbedring, som skal "
            "godkendes på et afdelingsmøde, og boligorganisationerne har derfor lavet "
            "beregninger for hver afdeling, der viser, hvad projektet betyder for huslejen og "
            "for varmeregningen.</p>"
            "<p>I de fleste afdelinger viser beregningerne, at en lille huslejestigning mere "
            "end opvejes af lavere varmeudgifter. Alligevel har ikke alle afdelinger sagt ja. "
            "„Nogle beboere er bekymrede for støj, og andre har dårlige erfaringer med "
            "varmepumper fra tidligere. Det skal vi tage alvorligt, og derfor har vi lavet "
            "prøveinstallationer, som man kan gå hen og lytte til,“ siger Bo Rasmussen.</p>"
            "<h2>Model for andre</h2>"
            "<p>Boligorganisationerne håber, at det fælles udbud kan inspirere andre dele af "
            "landet. Flere af dem peger på, at de skærpede klimakrav og ønsket om at udfase "
            "fossile brændsler gør, at mange afdelinger står over for den samme opgave de "
            "kommende år. „Der er ingen grund til, at hver afdeling skal opfinde den dybe "
            "tallerken. Vi deler gerne både udbudsmaterialet og vores fejl,“ siger Bo "
            "Rasmussen.</p>"
        ),
        "hero_alt": (
            "To montører løfter en hvid luft-til-vand-varmepumpe på plads ved gavlen af et gult "
            "rækkehus"
        ),
        "hero_caption": (
            "De første varmepumper fra det fælles udbud er monteret i en afdeling med 48 rækkehuse."
        ),
        "hero_credit": "Rasmus Egeberg",
    },
    {
        "title": "Ventelisterne vokser: Unge står i kø til en billig ungdomsbolig",
        "section": "nyheder",
        "authors": ["kasper-juul-thorsen"],
        "tags": ["Ungdomsboliger", "Unge", "Huslejer", "Nybyggeri"],
        "lead": (
            "I flere uddannelsesbyer skal studerende nu vente mere end et år på en almen "
            "ungdomsbolig. Boligorganisationerne vil gerne bygge flere, men høje grundpriser og "
            "byggeomkostninger gør det svært at holde huslejen nede."
        ),
        "body": (
            "<p>Når semesteret starter, står tusindvis af unge i de store uddannelsesbyer uden "
            "et sted at bo. Mange sover på en vens sofa eller pendler langt i de første "
            "måneder. Og køen til de almene ungdomsboliger er blevet længere.</p>"
            "<p>En rundspørge blandt boligorganisationer i fire store uddannelsesbyer viser, at "
            "ventetiden på en ungdomsbolig flere steder er over et år, og at antallet af "
            "ansøgere pr. ledig bolig er steget.</p>"
            "<h2>Prisen er afgørende</h2>"
            "<p>For de unge er det især prisen, der gør de almene ungdomsboliger attraktive. En "
            "ungdomsbolig i den almene sektor koster typisk væsentligt mindre end et "
            "tilsvarende værelse på det private lejemarked, og det betyder meget, når man lever "
            "af SU.</p>"
            "<p>„Jeg søgte ungdomsbolig, allerede før jeg vidste, om jeg var kommet ind på "
            "studiet. Alligevel gik der et år, før jeg fik en. Indtil da boede jeg på et "
            "værelse hos en familie og brugte næsten hele min SU på huslejen,“ siger Emma Brix, "
            "der læser til sygeplejerske. Ifølge boligorganisationerne skyldes den stigende "
            "efterspørgsel blandt andet:</p>"
            "<ul><li>Flere studerende i de største uddannelsesbyer</li><li>Stigende huslejer på "
            "det private lejemarked</li><li>Få nye ungdomsboliger opført de seneste "
            "år</li></ul>"
            '<blockquote class="pull-quote"><p>Jeg søgte ungdomsbolig, allerede før jeg '
            "vidste, om jeg var kommet ind på studiet. Alligevel gik der et år, før jeg fik "
            'en.</p><p class="attribution">Emma Brix, '
            "sygeplejestuderende</p></blockquote>"
            "<h2>Svært at bygge billigt</h2>"
            "<p>Boligorganisationerne vil gerne bygge flere ungdomsboliger, men det er svært at "
            "få regnestykket til at hænge sammen. Grundpriserne i de store byer er høje, og "
            "byggeomkostningerne er steget markant. Samtidig skal huslejen holdes på et niveau, "
            "som unge kan betale.</p>"
            "<p>„Vi har flere projekter klar i skuffen, men vi kan ikke få dem til at holde sig "
            "under maksimumsbeløbet. Og hvis vi skærer for meget, ender vi med boliger, der er "
            "for små eller for dårlige,“ siger Niels Haugaard, direktør i Boligselskabet "
            "Campusbo.</p>"
            "<p>Han peger på, at kommunerne kan hjælpe ved at stille grunde til rådighed til en "
            "lavere pris eller ved at kræve almene ungdomsboliger i nye lokalplaner.</p>"
            "<h2>Kommunerne er lydhøre</h2>"
            "<p>Flere kommuner har allerede meldt ud, at de vil arbejde for flere "
            "ungdomsboliger. Men der går typisk flere år fra beslutning til indflytning, og "
            "derfor vil køerne ikke forsvinde lige med det samme. „Det her er ikke et problem, "
            "der bliver løst på et år. Men hvis vi ikke begynder nu, står vi samme sted om fem "
            "år,“ siger Niels Haugaard.</p>"
        ),
        "hero_alt": (
            "En ung kvinde sidder på gulvet i et lille værelse omgivet af flyttekasser og en "
            "cykelhjelm"
        ),
        "hero_caption": (
            "For mange studerende er en ungdomsbolig den eneste mulighed for at bo i nærheden "
            "af uddannelsesstedet til en pris, de kan betale."
        ),
        "hero_credit": "Sofie Kragh",
    },
    {
        "title": "Digitale afdelingsmøder er kommet for at blive – men ikke alle er med",
        "section": "nyheder",
        "authors": ["amalie-frost-bech"],
        "tags": ["Afdelingsmøder", "Digitalisering", "Beboerdemokrati", "Ældre"],
        "lead": (
            "Flere boligafdelinger holder nu afdelingsmøder, hvor beboerne kan deltage "
            "hjemmefra. Det har fået nye grupper med, især børnefamilier. Men de ældre beboere "
            "risikerer at blive hægtet af, advarer flere afdelingsformænd."
        ),
        "body": (
            "<p>Under coronanedlukningen blev mange boligafdelinger tvunget til at finde nye "
            "måder at holde afdelingsmøder på. Nogle udskød møderne, andre prøvede sig frem med "
            "videomøder og digitale afstemninger. I dag er det blevet en fast del af "
            "beboerdemokratiet flere steder.</p>"
            "<p>I afdelingen Solhøjparken i Ballerup har beboerne de seneste tre år kunnet "
            "vælge mellem at møde op i fælleshuset og at følge med hjemmefra. Resultatet er et "
            "markant højere fremmøde.</p>"
            "<h2>Børnefamilierne er kommet med</h2>"
            "<p>„Før var det stort set de samme tyve mennesker, der kom hvert år. Nu er vi tæt "
            "på det dobbelte, og der er mange flere børnefamilier med. De kan sidde derhjemme, "
            "mens ungerne sover, og stadig være med til at bestemme,“ siger afdelingsformand "
            "Kim Ravnsborg.</p>"
            "<p>Han fortæller, at det især er de unge forældre, der bruger muligheden. For dem "
            "har det tidligere været svært at få tid til et møde, der starter klokken 19 og kan "
            "vare flere timer. Erfaringerne fra Solhøjparken peger på nogle ting, der skal være "
            "i orden:</p>"
            "<ul><li>Lyd og billede skal virke, så dem derhjemme kan høre "
            "alt</li><li>Afstemningerne skal være enkle og sikre</li><li>Der skal være en "
            "ordstyrer, der også holder øje med spørgsmål fra skærmen</li><li>Materialet skal "
            "sendes ud i god tid, både digitalt og på papir</li></ul>"
            '<blockquote class="pull-quote"><p>De kan sidde derhjemme, mens ungerne '
            'sover, og stadig være med til at bestemme.</p><p class="attribution">Kim '
            "Ravnsborg, afdelingsformand i Solhøjparken</p></blockquote>"
            "<h2>Bekymring for de ældre</h2>"
            "<p>Ikke alle er lige begejstrede. I en anden afdeling i samme boligorganisation "
            "har nogle af de ældre beboere følt sig sat uden for, fordi debatten i stigende "
            "grad foregår i chatten.</p>"
            "<p>„Jeg er 82 år og har hverken smartphone eller computer. Jeg kommer til møderne, "
            "men jeg kan mærke, at meget af snakken foregår et andet sted. Det er som at sidde "
            "til en fest, hvor de andre griner af noget, man ikke har hørt,“ siger Else Marie "
            "Kjeldsen, der har boet i afdelingen siden 1978.</p>"
            "<p>Boligorganisationen har derfor indført en regel om, at alle spørgsmål fra "
            "chatten skal læses højt, og at afstemninger altid også kan foregå med stemmesedler "
            "i salen.</p>"
            "<h2>Demokratiet skal være for alle</h2>"
            "<p>Hos boligorganisationen ser man de digitale møder som en gevinst, så længe de "
            "ikke erstatter det fysiske fremmøde. „Digitale møder er en ekstra dør ind i "
            "beboerdemokratiet. Men vi må aldrig lukke den dør, som de ældre beboere er vant "
            "til at gå ind ad,“ siger Kim Ravnsborg.</p>"
        ),
        "hero_alt": (
            "En mand står ved et lærred i et fælleslokale, mens en tablet på et stativ filmer mødet"
        ),
        "hero_caption": (
            "Ved hybride møder sidder en del af beboerne i fælleshuset, mens andre følger med "
            "og stemmer fra deres egen stue."
        ),
        "hero_credit": "Nadia Hjort Simonsen",
    },
    {
        "title": (
            "Ny undersøgelse: Beboerne er glade for deres bolig, men savner tryghed om aftenen"
        ),
        "section": "nyheder",
        "authors": ["jonas-broendum-lauridsen", "line-overgaard-moeller"],
        "tags": ["Tryghed", "Trivsel", "Fællesarealer", "Sundhed"],
        "lead": (
            "Otte ud af ti beboere i en stor boligorganisation på Vestegnen er tilfredse med "
            "deres bolig. Men når det bliver mørkt, føler mange sig utrygge på stier og "
            "parkeringspladser. Nu skal belysning og beplantning tænkes om."
        ),
        "body": (
            "<p>Beboerne er glade for deres lejlighed, for naboerne og for de grønne områder. "
            "Men når det bliver mørkt, er der mange, der ikke har lyst til at gå en tur. Det "
            "viser en ny beboerundersøgelse fra Vestegnens Boligfællesskab, som omfatter knap "
            "3.000 husstande.</p>"
            "<p>Undersøgelsen er gennemført med spørgeskemaer på flere sprog og med interview i "
            "opgangene, så også beboere, der ikke svarer på digitale undersøgelser, er kommet "
            "med.</p>"
            "<h2>Tilfredse med boligen</h2>"
            "<p>Hele 80 procent af de adspurgte svarer, at de er tilfredse eller meget "
            "tilfredse med deres bolig. Især prisen og de grønne arealer bliver fremhævet "
            "positivt. Mange fortæller også, at de har gode naboer og kender flere i "
            "opgangen.</p>"
            "<p>„Det bekræfter det billede, vi har i forvejen. Folk er glade for at bo her, og "
            "mange har boet her i mange år. Men det viser også, at vi har et problem, vi skal "
            "tage alvorligt,“ siger Anne Juhl Pedersen, boligsocial leder i Vestegnens "
            "Boligfællesskab.</p>"
            "<h2>Mørke stier skaber utryghed</h2>"
            "<p>Det problem handler om aftentimerne. Næsten halvdelen af beboerne svarer, at de "
            "føler sig utrygge, når de går gennem området efter mørkets frembrud. Det gælder "
            "især kvinder og ældre. De steder, beboerne oftest nævner, er:</p>"
            "<ul><li>Stier med dårlig eller ødelagt belysning</li><li>Parkeringspladser omgivet "
            "af høje buske</li><li>Tunneller og underføringer</li><li>Indgange til kældre og "
            "cykelrum</li></ul>"
            '<blockquote class="pull-quote"><p>Folk er glade for at bo her. Men '
            "undersøgelsen viser også, at vi har et problem, vi skal tage "
            'alvorligt.</p><p class="attribution">Anne Juhl Pedersen, boligsocial leder i '
            "Vestegnens Boligfællesskab</p></blockquote>"
            "<p>Ifølge undersøgelsen er det sjældent konkrete oplevelser med kriminalitet, der "
            "skaber utrygheden. Det er snarere følelsen af ikke at kunne se, hvem der kommer, "
            "og af at være alene. „Jeg er ikke blevet overfaldet eller noget. Men jeg skynder "
            "mig altid hjem fra bussen om vinteren, og jeg tager aldrig genvejen forbi "
            "garagerne,“ siger Samira Haddad, der bor i en af afdelingerne med sine to "
            "døtre.</p>"
            "<h2>Nu skal der handles</h2>"
            "<p>Boligorganisationen har allerede sat gang i en række tiltag. Der bliver skiftet "
            "lamper på de mørkeste stier, høje buske bliver beskåret eller erstattet med lavere "
            "beplantning, og driftsmedarbejderne gennemgår området sammen med beboerne på en "
            "tryghedsvandring hvert efterår.</p>"
            "<p>Undersøgelsen har også vist en sammenhæng mellem tryghed og trivsel. De "
            "beboere, der føler sig trygge, svarer oftere, at de har et godt helbred og et "
            "aktivt liv i området. „Tryghed er ikke bare et spørgsmål om lamper. Det handler "
            "om, at folk kender hinanden og tør bruge de fælles områder. Derfor vil vi også "
            "arbejde med flere aktiviteter om aftenen,“ siger Anne Juhl Pedersen.</p>"
        ),
        "hero_alt": (
            "En oplyst gangsti mellem to boligblokke om aftenen med nyplantede buske langs kanten"
        ),
        "hero_caption": (
            "Nye lamper og lavere buske skal gøre stierne mere overskuelige efter mørkets frembrud."
        ),
        "hero_credit": "Rasmus Egeberg",
    },
    {
        "title": "Alment Inside: Hvem skal betale for den grønne omstilling?",
        "section": "alment-inside",
        "authors": ["mette-kjaergaard-holm", "tobias-vang-eriksen"],
        "tags": ["Klimakrav", "Landsbyggefonden", "Huslejer", "CO2-udledning", "Energirenovering"],
        "lead": (
            "Alle er enige om, at de almene boliger skal bruge mindre energi og udlede mindre "
            "CO2. Men når regningen skal fordeles mellem beboere, Landsbyggefonden og staten, "
            "bliver enigheden hurtigt mindre. Vi har set på regnestykket."
        ),
        "body": (
            "<p>Det er let at blive enige om målet. De almene boliger skal være en del af "
            "løsningen på klimakrisen, og det kræver, at bygningerne bruger mindre energi, at "
            "opvarmningen bliver grøn, og at nybyggeriet udleder mindre CO2. Det er også en af "
            "de tre overskrifter i sektorens fælles mål. Det svære er at blive enige om, hvem "
            "der skal betale. For i den almene sektor er der ingen ejer med en dyb lomme. Hver "
            "afdeling er en selvstændig økonomisk enhed, og det er i sidste ende beboerne, der "
            "betaler over huslejen.</p>"
            "<h2>Beboerne betaler begge regninger</h2>"
            "<p>Det særlige ved den almene model er, at beboerne både betaler huslejen og "
            "varmeregningen. Det betyder, at en energirenovering i princippet kan være "
            "huslejeneutral: Hvis besparelsen på varmen er lige så stor som stigningen i "
            "huslejen, står beboerne samme sted økonomisk, men i en bedre bolig.</p>"
            "<p>„I teorien er det en fin model. I praksis går regnestykket sjældent op, fordi "
            "de fleste energirenoveringer er dyrere, end besparelsen kan bære. Især i de ældre "
            "bygninger med mange skjulte problemer,“ siger Peter Brink Halvorsen, seniorøkonom "
            "i analysevirksomheden Boligøkonomisk Forum. Han peger på, at finansieringen i dag "
            "typisk kommer fra flere kilder på én gang:</p>"
            "<ul><li>Landsbyggefondens renoveringsstøtte til de store, tunge "
            "projekter</li><li>Afdelingens egne henlæggelser til vedligeholdelse</li><li>Lån, "
            "som afdrages over huslejen i mange år</li><li>Puljer og tilskud til konkrete "
            "tiltag som solceller eller varmepumper</li></ul>"
            '<blockquote class="pull-quote"><p>I teorien er det en fin model. I praksis '
            'går regnestykket sjældent op.</p><p class="attribution">Peter Brink Halvorsen, '
            "seniorøkonom i Boligøkonomisk Forum</p></blockquote>"
            "<h2>Landsbyggefonden er ikke uendelig</h2>"
            "<p>Landsbyggefonden spiller en central rolle, fordi den er bygget op af beboernes "
            "egne indbetalinger og kan flytte penge fra de afdelinger, der har overskud, til "
            "dem, der har behov. Men rammen for renoveringsstøtte fastsættes politisk, og der "
            "er flere gode formål, som konkurrerer om de samme kroner.</p>"
            "<p>„Det er et dilemma. Pengene i fonden er beboernes penge, og de skal bruges "
            "klogt. Hvis vi bruger dem alle på energi, er der færre til tilgængelighed, til "
            "skimmel og til nye køkkener,“ siger Helle Fogh Andreasen, der er formand for en "
            "mellemstor boligorganisation i Østjylland og har været med i sektorens drøftelser "
            "om klimakrav.</p>"
            "<h2>Hvad med dem, der ikke kan betale mere?</h2>"
            "<p>Den største bekymring i sektoren er de beboere, der allerede har svært ved at "
            "betale huslejen. Selv en beskeden stigning kan for en pensionist eller en enlig "
            "forsørger være forskellen på at kunne blive boende eller ej. Derfor efterlyser "
            "flere boligorganisationer, at staten bidrager mere direkte, for eksempel gennem "
            "målrettede tilskud til energirenovering i afdelinger med mange beboere med lave "
            "indkomster.</p>"
            "<p>„Den grønne omstilling må ikke blive et projekt for dem, der har råd. Hvis "
            "klimakravene skal være retfærdige, skal finansieringen også være det,“ siger Helle "
            "Fogh Andreasen. Peter Brink Halvorsen er enig i, at der er brug for nye modeller, "
            "men advarer mod at vente på den perfekte løsning.</p>"
            "<p>„Hver vinter, hvor en utæt blok står uden at blive renoveret, koster både "
            "beboerne og klimaet. Der er mange steder, hvor man kan komme i gang med de billige "
            "tiltag i morgen,“ siger han.</p>"
        ),
        "hero_alt": (
            "Et stillads dækker en boligblok, hvor håndværkere monterer nye isoleringsplader på "
            "facaden"
        ),
        "hero_caption": (
            "En energirenovering kan betale sig på den lange bane, men nogen skal lægge "
            "pengene, før besparelserne kommer."
        ),
        "hero_credit": "Johan Skovlund",
    },
    {
        "title": "Alment Inside: Beboerdemokratiet har brug for nye stemmer",
        "section": "alment-inside",
        "authors": ["amalie-frost-bech"],
        "tags": ["Beboerdemokrati", "Repræsentantskab", "Unge", "Afdelingsmøder"],
        "lead": (
            "Gennemsnitsalderen i afdelingsbestyrelserne stiger, og mange steder er det svært "
            "at finde kandidater. En boligorganisation i Nordsjælland har kortlagt, hvem der "
            "sidder ved bordet – og hvem der mangler."
        ),
        "body": (
            "<p>Beboerdemokratiet er et af de særlige kendetegn ved den almene sektor. Beboerne "
            "har flertal i bestyrelserne, og det er dem, der på afdelingsmødet beslutter "
            "budgettet, husordenen og de store forbedringer. Men hvem er det egentlig, der "
            "sidder ved bordet? Det spørgsmål stillede boligorganisationen Kystbo i "
            "Nordsjælland sig selv, da den sidste år gennemgik sammensætningen af alle sine "
            "afdelingsbestyrelser og repræsentantskabet.</p>"
            "<h2>De samme ansigter år efter år</h2>"
            "<p>Resultatet var ikke overraskende, men alligevel tankevækkende. Næsten halvdelen "
            "af de folkevalgte var over 65 år, kun få var under 35, og mange havde siddet i "
            "mere end ti år. I flere afdelinger var der ikke kampvalg, fordi der ikke var flere "
            "kandidater end pladser.</p>"
            "<p>„Vi skal ikke kritisere dem, der har båret demokratiet i mange år. Uden dem var "
            "der slet ingen afdelingsbestyrelser. Men hvis vi ikke får nye kræfter ind, står vi "
            "om ti år med tomme stole,“ siger Lisbeth Kruse Ottesen, formand for Kystbo. "
            "Kortlægningen pegede på nogle af de barrierer, som holder især yngre beboere "
            "væk:</p>"
            "<ul><li>Møderne ligger på tidspunkter, der er svære for "
            "børnefamilier</li><li>Sproget er præget af fagudtryk og forkortelser</li><li>Mange "
            "ved ikke, hvad en afdelingsbestyrelse egentlig laver</li><li>Opgaverne opleves som "
            "et langt og tungt forpligtende hverv</li></ul>"
            '<blockquote class="pull-quote"><p>Hvis vi ikke får nye kræfter ind, står '
            'vi om ti år med tomme stole.</p><p class="attribution">Lisbeth Kruse Ottesen, '
            "formand for Kystbo</p></blockquote>"
            "<h2>Små opgaver som indgang</h2>"
            "<p>Kystbo har derfor sat en række forsøg i gang. Et af dem går ud på at lave "
            "mindre og tidsbegrænsede udvalg, hvor beboerne kan bidrage til ét konkret projekt "
            "uden at blive valgt til bestyrelsen. Det kan være planlægningen af en legeplads "
            "eller en sommerfest.</p>"
            "<p>En af dem, der er kommet med på den måde, er 29-årige Mikkel Fugl, som bor i en "
            "treværelses lejlighed med sin kæreste og deres søn.</p>"
            "<p>„Jeg havde aldrig forestillet mig at sidde i en bestyrelse. Men da de spurgte, "
            "om jeg ville hjælpe med at tegne den nye legeplads, sagde jeg ja. Et år efter blev "
            "jeg så valgt ind i afdelingsbestyrelsen,“ siger Mikkel Fugl.</p>"
            "<h2>Repræsentantskabet skal også fornyes</h2>"
            "<p>Udfordringen stopper ikke i afdelingerne. Repræsentantskabet, som er "
            "boligorganisationens øverste myndighed, vælges typisk blandt de mest erfarne "
            "afdelingsbestyrelsesmedlemmer, og derfor går de samme tendenser igen der. Kystbo "
            "vil derfor afprøve en mentorordning, hvor nyvalgte medlemmer får en erfaren makker "
            "det første år. Samtidig bliver materialet til møderne skrevet om, så det kan læses "
            "uden at have en uddannelse i boligøkonomi.</p>"
            "<p>„Demokrati er ikke noget, man har. Det er noget, man gør. Og det skal vi blive "
            "ved med at øve os i, også når vi har gjort det på samme måde i 50 år,“ siger "
            "Lisbeth Kruse Ottesen.</p>"
        ),
        "hero_alt": (
            "Fem beboere i forskellige aldre sidder om et mødebord med kaffekopper og en "
            "dagsorden foran sig"
        ),
        "hero_caption": (
            "I Kystbo er næsten halvdelen af medlemmerne af afdelingsbestyrelserne over 65 år."
        ),
        "hero_credit": "Nadia Hjort Simonsen",
    },
    {
        "title": "Alment Inside: Når driften bliver en del af fællesskabet",
        "section": "alment-inside",
        "authors": ["jonas-broendum-lauridsen"],
        "tags": ["Drift", "Frivillige", "Fællesarealer", "Trivsel"],
        "lead": (
            "Ejendomsfunktionæren er for mange beboere det menneske fra boligorganisationen, de "
            "ser oftest. Flere steder er driften ved at få en ny rolle, hvor beboerne selv "
            "tager del i opgaverne, og hvor det sociale fylder lige så meget som det tekniske."
        ),
        "body": (
            "<p>Når en vandhane drypper, eller en dør klemmer, er det ejendomsfunktionæren, man "
            "ringer til. Men for mange beboere er driftsmedarbejderne meget mere end "
            "håndværkere. De kender beboerne, de opdager, når noget er galt, og de er ofte de "
            "første, der lægger mærke til, hvis en ældre nabo ikke er blevet set i nogle "
            "dage.</p>"
            "<p>Den rolle vil flere boligorganisationer nu bygge videre på. I Holstebro har "
            "Boligselskabet Vestergaarden gennem to år afprøvet en model, hvor driften og "
            "beboerne deler en del af opgaverne.</p>"
            "<h2>Beboerne tager en tjans</h2>"
            "<p>I to af selskabets afdelinger har grupper af beboere overtaget opgaver som at "
            "passe de fælles bede, holde legepladsen ren og tage imod nye beboere. Driften står "
            "for det faglige og for materialerne, mens beboerne bidrager med tid og "
            "lokalkendskab.</p>"
            "<p>„Vi troede, det ville give os mindre arbejde. Det har det ikke. Men det har "
            "givet os et helt andet forhold til beboerne, og folk passer bedre på tingene, når "
            "de selv har været med til at lave dem,“ siger driftsleder Allan Brodersen. Ifølge "
            "boligselskabet har ordningen haft flere effekter:</p>"
            "<ul><li>Færre tilfælde af hærværk på legepladser og fællesarealer</li><li>Flere "
            "beboere, der kender hinanden på tværs af opgangene</li><li>Hurtigere besked til "
            "driften, når noget går i stykker</li></ul>"
            '<blockquote class="pull-quote"><p>Folk passer bedre på tingene, når de '
            'selv har været med til at lave dem.</p><p class="attribution">Allan Brodersen, '
            "driftsleder i Boligselskabet Vestergaarden</p></blockquote>"
            "<h2>Det sociale er blevet en del af jobbet</h2>"
            "<p>Forandringen stiller nye krav til driftsmedarbejderne. De skal ikke kun kunne "
            "skifte en pakning, men også kunne samarbejde med frivillige, håndtere konflikter "
            "og vide, hvor de skal henvende sig, hvis en beboer har brug for hjælp.</p>"
            "<p>Flere boligorganisationer tilbyder derfor kurser i blandt andet konfliktløsning "
            "og i at spotte tegn på mistrivsel. Det er ikke meningen, at ejendomsfunktionærerne "
            "skal være socialrådgivere, men at de skal vide, hvem de kan kontakte. „Jeg har "
            "været her i 22 år, og jeg har altid vidst, at jobbet handler om mennesker. Nu er "
            "det bare blevet sagt højt,“ siger ejendomsfunktionær Kurt Lindgaard.</p>"
            "<h2>Ikke gratis arbejdskraft</h2>"
            "<p>Der er også kritiske røster. Nogle beboere frygter, at frivilligheden bliver "
            "brugt til at spare på driften, og at opgaverne bliver lagt over på dem, der i "
            "forvejen gør meget.</p>"
            "<p>Boligselskabet understreger, at ordningen er frivillig, og at der ikke er "
            "sparet stillinger væk. Beboergruppernes opgaver ligger ud over det, driften i "
            "forvejen gør. „Det må aldrig blive en spareøvelse. I det øjeblik beboerne føler, "
            "at de laver arbejde, vi burde have lavet, mister vi dem,“ siger Allan "
            "Brodersen.</p>"
        ),
        "hero_alt": (
            "En ejendomsfunktionær og to beboere beskærer buske sammen på et grønt område foran "
            "en boligblok"
        ),
        "hero_caption": (
            "I Holstebro har en gruppe beboere overtaget en del af den grønne pleje i "
            "samarbejde med ejendomskontoret."
        ),
        "hero_credit": "Mikkel Dahlgaard",
    },
    {
        "title": "Alment Inside: Udviklingsplanerne er halvvejs – hvad har vi lært?",
        "section": "alment-inside",
        "authors": ["kasper-juul-thorsen", "jonas-broendum-lauridsen"],
        "tags": ["Udviklingsplaner", "Byfornyelse", "Lovgivning", "Kommunesamarbejde"],
        "lead": (
            "Nedrivninger, frasalg og nye private boliger har forandret en række almene "
            "boligområder markant. Halvvejs i arbejdet med udviklingsplanerne gør vi status på "
            "erfaringerne: hvad der er lykkedes, og hvad der har kostet."
        ),
        "body": (
            "<p>Siden lovgivningen om udsatte boligområder blev vedtaget i 2018, har en række "
            "almene boligområder været i gang med de mest omfattende forandringer i deres "
            "historie. I de såkaldte omdannelsesområder skal andelen af almene familieboliger "
            "ned på højst 40 procent inden 2030, og det sker gennem udviklingsplaner, som "
            "boligorganisationer og kommuner har lavet sammen.</p>"
            "<p>Nu er arbejdet nået godt halvvejs, og i mange områder kan forandringerne ses "
            "med det blotte øje.</p>"
            "<h2>Nye bygninger, nye naboer</h2>"
            "<p>Nogle steder er blokke blevet revet ned, andre steder er de solgt til private "
            "investorer eller omdannet til andre boligtyper. Samtidig er der bygget nye private "
            "ejer- og lejeboliger, og veje er blevet ført igennem områder, der før var lukket "
            "om sig selv.</p>"
            "<p>„Der er ingen tvivl om, at de fysiske forandringer har åbnet områderne. Der "
            "kommer mennesker igennem, som aldrig før havde en grund til at gå derind,“ siger "
            "byforsker Lone Kjær Iversen, der har fulgt omdannelsen af tre boligområder tæt. "
            "Hun peger dog på, at billedet er mere blandet, når man ser på beboernes oplevelse. "
            "Ud fra hendes interviews med beboere og medarbejdere tegner der sig nogle "
            "gennemgående erfaringer:</p>"
            "<ul><li>Tydelig og tidlig information har været afgørende for beboernes "
            "tillid</li><li>Genhusningen har været hård for især ældre og store "
            "familier</li><li>Nye boliger sælger eller udlejes bedst, når de grønne områder er "
            "på plads først</li><li>Samarbejdet med kommunen fungerer bedst, når der er faste "
            "kontaktpersoner</li></ul>"
            '<blockquote class="pull-quote"><p>Der er ingen tvivl om, at de fysiske '
            'forandringer har åbnet områderne.</p><p class="attribution">Lone Kjær Iversen, '
            "byforsker</p></blockquote>"
            "<h2>Prisen for forandringen</h2>"
            "<p>For mange beboere har udviklingsplanerne betydt, at de har måttet forlade en "
            "bolig, de var glade for. Nogle er blevet genhuset i andre dele af boligområdet, "
            "andre er flyttet til en helt anden bydel.</p>"
            "<p>„Jeg boede i den samme lejlighed i 26 år. Mine børn voksede op der. Jeg forstår "
            "godt, at man vil lave området om, men det var, som om ingen spurgte os, om vi "
            "havde lyst,“ siger Hamid Rezaei, der blev genhuset i forbindelse med en "
            "nedrivning.</p>"
            "<p>Flere boligorganisationer erkender, at kommunikationen i de første år ikke var "
            "god nok. Beslutningerne var truffet, før beboerne blev inddraget, og det skabte "
            "mistillid, som det har taget lang tid at genopbygge.</p>"
            "<h2>Hvad sker der efter 2030?</h2>"
            "<p>Et af de store spørgsmål er, hvad der sker, når kravene er opfyldt. Mange "
            "boligorganisationer efterlyser en plan for, hvordan de nye, blandede områder skal "
            "drives og udvikles, så de ikke ender med at falde tilbage. „Den fysiske omdannelse "
            "er kun den ene halvdel. Hvis man ikke samtidig investerer i skoler, job og "
            "fællesskaber, har man bare byttet facaderne ud,“ siger Lone Kjær Iversen.</p>"
        ),
        "hero_alt": "En gravemaskine river en betonblok ned, mens beboere ser til bag et byggehegn",
        "hero_caption": (
            "Flere boligområder har revet boliger ned for at leve op til kravet om højst 40 "
            "procent almene familieboliger."
        ),
        "hero_credit": "Ida Marie Bjerre",
    },
    {
        "title": "Alment Inside: Sådan blev budgetmødet en folkefest",
        "section": "alment-inside",
        "authors": ["nadia-hjort-simonsen"],
        "tags": ["Afdelingsmøder", "Huslejer", "Beboerdemokrati", "Frivillige"],
        "lead": (
            "Færre end 20 beboere plejede at møde op, når budgettet skulle godkendes i en "
            "afdeling i Esbjerg. I år kom over 100. Opskriften var fællesspisning, børnepasning "
            "og et budget forklaret med mønter."
        ),
        "body": (
            "<p>Klokken er halv seks en tirsdag i september, og fælleshuset i afdelingen "
            "Strandengen i Esbjerg er ved at være fyldt. Duften af lasagne blander sig med "
            "lyden af børn, der leger i hjørnet. Det kunne ligne en sommerfest, men det er "
            "faktisk det årlige afdelingsmøde, hvor beboerne skal godkende næste års budget. "
            "Sidste år var der 17 beboere til mødet. I år er der over 100.</p>"
            "<h2>Mad før mødet</h2>"
            "<p>Idéen kom fra afdelingsbestyrelsen, som var træt af at se de samme få ansigter "
            "hvert år. De besluttede at vende det hele på hovedet: først mad, så møde, og "
            "børnepasning undervejs.</p>"
            "<p>„Vi tænkte, at folk ikke blev væk, fordi de var ligeglade. De blev væk, fordi "
            "det var svært at få det til at passe ind, og fordi det lød kedeligt. Så vi lavede "
            "det om til noget, man har lyst til at komme til,“ siger afdelingsformand Jette "
            "Brøgger.</p>"
            "<p>Maden blev lavet af en gruppe frivillige beboere, og udgiften blev taget fra "
            "afdelingens aktivitetsbudget. Børnepasningen klarede den lokale spejdertrop.</p>"
            "<h2>Hvor går huslejen hen?</h2>"
            "<p>Den største nyskabelse var måden, budgettet blev præsenteret på. I stedet for "
            "at vise lange regneark på et lærred havde bestyrelsen lagt 100 kroner i mønter på "
            "hvert bord og bedt beboerne gætte, hvordan pengene fordeles. Bagefter blev svaret "
            "afsløret. Af hver 100 kroner i husleje går i Strandengen cirka:</p>"
            "<ul><li>35 kroner til lån og andre kapitaludgifter</li><li>22 kroner til "
            "vedligeholdelse og henlæggelser</li><li>18 kroner til drift og "
            "personale</li><li>15 kroner til ejendomsskat og forsikringer</li><li>10 kroner til "
            "administration og andre udgifter</li></ul>"
            '<blockquote class="pull-quote"><p>Folk blev ikke væk, fordi de var '
            "ligeglade. De blev væk, fordi det var svært at få det til at passe "
            'ind.</p><p class="attribution">Jette Brøgger, afdelingsformand i '
            "Strandengen</p></blockquote>"
            "<p>„Jeg har boet her i elleve år og har aldrig forstået, hvorfor huslejen stiger. "
            "Nu ved jeg, at det meste går til ting, vi ikke selv bestemmer over, men at vi "
            "faktisk har indflydelse på vedligeholdelsen,“ siger Abdi Warsame, der for første "
            "gang deltog i et afdelingsmøde.</p>"
            "<h2>Flere vil være med</h2>"
            "<p>Mødet endte med, at budgettet blev godkendt med stort flertal. Men det "
            "vigtigste resultat var ifølge afdelingsbestyrelsen, at fire nye beboere meldte sig "
            "til at hjælpe med næste års sommerfest, og at to stillede op som suppleanter.</p>"
            "<p>Boligorganisationen har allerede fået henvendelser fra andre afdelinger, der "
            "vil prøve det samme. „Det kostede os en lasagne og en aften med spejderne. Det er "
            "en billig pris for at få beboerdemokratiet til at leve,“ siger Jette Brøgger.</p>"
        ),
        "hero_alt": (
            "Beboere sidder ved lange borde i et fælleshus og spiser, mens børn leger i et hjørne"
        ),
        "hero_caption": (
            "Aftenen startede med fællesspisning, og først bagefter gik beboerne i gang med "
            "dagsordenen."
        ),
        "hero_credit": "Nadia Hjort Simonsen",
    },
    {
        "title": "Alment Inside: Derfor taler alle om partnerskaber",
        "section": "alment-inside",
        "authors": ["mette-kjaergaard-holm"],
        "tags": [
            "Kommunesamarbejde",
            "Almene mål",
            "Beskæftigelse",
            "Boligsociale indsatser",
            "Helhedsplaner",
        ],
        "lead": (
            "Partnerskab er blevet et af de mest brugte ord i den almene sektor. Men hvad "
            "betyder det i praksis, når boligorganisationer, kommuner, virksomheder og "
            "foreninger skal arbejde sammen? Vi har talt med tre, der gør det hver dag."
        ),
        "body": (
            "<p>Læser man strategier og årsberetninger fra den almene sektor, er der et ord, "
            "der går igen: partnerskab. Det står centralt i de almene mål, det nævnes i næsten "
            "alle helhedsplaner, og det er et fast punkt på dagsordenen, når "
            "boligorganisationer og kommuner mødes.</p>"
            "<p>Men bag det populære ord gemmer der sig meget forskellige ting. Nogle "
            "partnerskaber er formelle aftaler med budgetter og milepæle. Andre er løse "
            "netværk, hvor folk ringer til hinanden, når der er brug for det.</p>"
            "<h2>Ingen kan løse opgaven alene</h2>"
            "<p>Forklaringen på ordets popularitet er ifølge de fleste enkel: De udfordringer, "
            "boligområderne står over for, er for store og for sammensatte til, at én aktør kan "
            "løse dem. Ledighed, mistrivsel og ensomhed hænger sammen med skole, sundhed og "
            "arbejdsmarked.</p>"
            "<p>„Vi kan bygge gode boliger og skabe fællesskaber, men vi kan ikke skaffe folk "
            "et job. Det kan jobcentret og virksomhederne. Omvendt kan de ikke nå ud til "
            "beboerne, hvis vi ikke åbner døren,“ siger Marianne Hejlskov, der er leder af den "
            "boligsociale helhedsplan i et boligområde i Slagelse.</p>"
            "<h2>Tre eksempler på, hvordan det fungerer</h2>"
            "<p>I helhedsplanen i Slagelse er partnerskabet bygget op om beskæftigelse. "
            "Jobcentret har en medarbejder siddende i beboerhuset to dage om ugen, og en række "
            "lokale virksomheder har forpligtet sig til at tage beboere i praktik. Andre steder "
            "er omdrejningspunktet et andet:</p>"
            "<ul><li>I Herning samarbejder boligorganisationen med en lokal idrætsforening om "
            "gratis aktiviteter for børn</li><li>I Hillerød har kommunens sundhedspleje fast "
            "træffetid i et alment boligområde</li><li>I Aabenraa driver boligorganisationen og "
            "en sprogskole en café, hvor nye danskere kan øve sproget</li></ul>"
            '<blockquote class="pull-quote"><p>Vi kan bygge gode boliger og skabe '
            "fællesskaber, men vi kan ikke skaffe folk et "
            'job.</p><p class="attribution">Marianne Hejlskov, leder af en boligsocial '
            "helhedsplan i Slagelse</p></blockquote>"
            "<h2>Hvad skal der til?</h2>"
            "<p>Det er ikke alle partnerskaber, der lykkes. Erfaringerne peger på, at de bedste "
            "samarbejder har et klart fælles mål, at parterne kender hinandens roller, og at "
            "der er ledere, som prioriterer samarbejdet, også når det er besværligt.</p>"
            "<p>„Det værste, man kan gøre, er at skrive et flot partnerskab ned på papir og så "
            "gå hver til sit. Et partnerskab lever af, at folk mødes, også når der ikke er "
            "noget brændende på,“ siger virksomhedskonsulent Rune Gade fra jobcentret i "
            "Slagelse. Han fortæller, at det har taget tid at opbygge tilliden til beboerne. I "
            "starten kom der næsten ingen, men i dag er der ofte kø ved hans skrivebord i "
            "beboerhuset.</p>"
            "<h2>Tilliden er det vigtigste</h2>"
            "<p>Marianne Hejlskov er enig. For hende er det vigtigste, partnerne bringer med "
            "sig, ikke penge, men tillid. „Beboerne har tillid til os, fordi vi har været her i "
            "mange år. Når vi præsenterer dem for en medarbejder fra kommunen, låner "
            "vedkommende lidt af den tillid. Det er det, der gør partnerskaber stærke,“ siger "
            "hun.</p>"
        ),
        "hero_alt": (
            "Repræsentanter fra en boligorganisation, en kommune og en lokal virksomhed står "
            "foran et beboerhus"
        ),
        "hero_caption": (
            "I Slagelse mødes boligorganisation, jobcenter og lokale virksomheder hver måned "
            "for at koordinere indsatsen for ledige beboere."
        ),
        "hero_credit": "Camilla Thygesen",
    },
    {
        "title": "Efter tre års renovering er beboerne i Kirsebærhaven flyttet hjem igen",
        "section": "byggeri-og-renovering",
        "authors": ["sara-vestergaard-nielsen"],
        "tags": ["Renovering", "Landsbyggefonden", "Tilgængelighed", "Ældre"],
        "lead": (
            "Nye tage, nye badeværelser og elevatorer i alle opgange. Efter tre års renovering "
            "og genhusning er beboerne i en afdeling i Svendborg tilbage i deres lejligheder. "
            "Vi var med, da de sidste nøgler blev udleveret."
        ),
        "body": (
            "<p>Det er en kold fredag morgen i februar, men stemningen i fælleshuset i "
            "Kirsebærhaven i Svendborg er lun. Ved et langt bord udleverer to medarbejdere fra "
            "boligorganisationen de sidste nøgler til beboere, som har ventet på denne dag i "
            "over et år.</p>"
            "<p>„Jeg har glædet mig som et barn til jul. Jeg har boet i Kirsebærhaven i 34 år, "
            "og selv om genhusningslejligheden var fin, var det ikke hjemme,“ siger Kirsten "
            "Abildgaard, der er 78 år og en af de sidste, der flytter tilbage.</p>"
            "<h2>En stor og nødvendig renovering</h2>"
            "<p>Kirsebærhaven er opført i begyndelsen af 1970’erne og består af 144 lejligheder "
            "fordelt på seks blokke i tre etager. I mange år havde beboerne klaget over træk, "
            "fugt i badeværelserne og trapper, der gjorde det svært for de ældre at komme "
            "ud.</p>"
            "<p>Renoveringen er gennemført med støtte fra Landsbyggefonden og er en af de "
            "største, boligorganisationen har gennemført. Den har blandt andet omfattet:</p>"
            "<ul><li>Nye tage og efterisolering af facaderne</li><li>Nye badeværelser og "
            "køkkener i alle lejligheder</li><li>Elevatorer i alle opgange</li><li>Tilgængelige "
            "boliger i stueetagen med niveaufri adgang</li></ul>"
            "<h2>Genhusningen var det sværeste</h2>"
            "<p>For beboerne var den største udfordring ikke byggestøjen, men genhusningen. "
            "Renoveringen blev gennemført blok for blok, og beboerne måtte flytte til "
            "midlertidige lejligheder i op til et år. „Vi havde en genhusningskonsulent, som "
            "hjalp med alt fra flyttekasser til at finde en ny læge. Uden hende var jeg ikke "
            "kommet igennem det,“ siger Kirsten Abildgaard.</p>"
            '<blockquote class="pull-quote"><p>Jeg har boet i Kirsebærhaven i 34 år, og '
            "selv om genhusningslejligheden var fin, var det ikke "
            'hjemme.</p><p class="attribution">Kirsten Abildgaard, beboer i '
            "Kirsebærhaven</p></blockquote>"
            "<p>Boligorganisationen erkender, at ikke alt er gået som planlagt. Projektet blev "
            "forsinket et halvt år, blandt andet på grund af asbest i en af blokkene og mangel "
            "på håndværkere i en periode.</p>"
            "<h2>Ny husleje, nyt liv</h2>"
            "<p>Huslejen er steget efter renoveringen, men takket være støtten fra "
            "Landsbyggefonden er stigningen begrænset. Samtidig forventer boligorganisationen, "
            "at varmeregningen falder mærkbart som følge af isoleringen. For afdelingsformand "
            "Preben Lauritzen er det vigtigste dog, at afdelingen nu kan rumme beboere i alle "
            "aldre.</p>"
            "<p>„Før måtte ældre beboere flytte, når de ikke længere kunne klare trapperne. Nu "
            "kan de blive boende, og det er godt både for dem og for fællesskabet,“ siger "
            "han.</p>"
        ),
        "hero_alt": (
            "En ældre kvinde med rollator står i døren til en nyrenoveret lejlighed med lyse "
            "vægge og et nyt trægulv"
        ),
        "hero_caption": (
            "For flere af de ældre beboere betyder den nye elevator, at de kan blive boende i "
            "deres lejlighed."
        ),
        "hero_credit": "Sofie Kragh",
    },
    {
        "title": "Træbyggeri vinder frem i nye almene boliger",
        "section": "byggeri-og-renovering",
        "authors": ["sara-vestergaard-nielsen", "tobias-vang-eriksen"],
        "tags": ["Nybyggeri", "Arkitektur", "Klimakrav", "CO2-udledning"],
        "lead": (
            "Flere boligorganisationer vælger træ frem for beton, når de bygger nyt. Det kan "
            "give et lavere klimaaftryk og et behageligt indeklima, men kræver nye kompetencer "
            "hos både rådgivere og håndværkere."
        ),
        "body": (
            "<p>Fra vejen ligner det en helt almindelig boligafdeling: tre etager, altaner mod "
            "syd og en gårdhave med legeplads. Men går man tættere på, kan man se, at byggeriet "
            "i udkanten af Silkeborg skiller sig ud. Både de bærende konstruktioner og "
            "facaderne er af træ.</p>"
            "<p>Afdelingen med 56 familieboliger er en af flere almene byggerier, der i disse "
            "år opføres i træ. Bag beslutningen står et ønske om at mindske byggeriets "
            "klimaaftryk.</p>"
            "<h2>Mindre CO2 end beton</h2>"
            "<p>Byggeri står for en stor del af den samlede CO2-udledning i Danmark, og en "
            "væsentlig del stammer fra fremstillingen af materialer som beton og stål. Træ har "
            "generelt et lavere klimaaftryk, fordi det kræver mindre energi at producere, og "
            "fordi træet har optaget CO2, mens det voksede.</p>"
            "<p>„Vi har regnet på det fra starten, og træ gav os en markant lavere udledning "
            "end det tilsvarende betonbyggeri. Det var afgørende for bestyrelsen, som gerne "
            "ville vise, at man kan bygge grønt og alment på samme tid,“ siger projektchef "
            "Christina Boye fra Boligforeningen Søhøjlandet. Fordelene ved træ er ifølge "
            "boligforeningen blandt andet:</p>"
            "<ul><li>Et lavere klimaaftryk fra materialerne</li><li>Kortere byggetid, fordi "
            "elementerne produceres på fabrik</li><li>Et behageligt indeklima og "
            "akustik</li><li>Et varmt og imødekommende arkitektonisk udtryk</li></ul>"
            '<blockquote class="pull-quote"><p>Vi ville gerne vise, at man kan bygge '
            'grønt og alment på samme tid.</p><p class="attribution">Christina Boye, '
            "projektchef i Boligforeningen Søhøjlandet</p></blockquote>"
            "<h2>Nye krav til håndværkerne</h2>"
            "<p>Det er dog ikke uden udfordringer at bygge i træ. Brandsikring, fugt under "
            "byggeriet og lydisolering mellem etagerne kræver særlig opmærksomhed, og mange "
            "rådgivere og håndværkere har endnu begrænset erfaring med større træbyggerier.</p>"
            "<p>„Træ tilgiver ikke sjusk. Hvis det bliver vådt under byggeriet, kan det give "
            "problemer mange år senere. Derfor har vi bygget under et stort telt, og vi har "
            "haft en fugtansvarlig på pladsen hele tiden,“ siger arkitekt Mathias Krogsgaard, "
            "der har tegnet byggeriet.</p>"
            "<h2>Prisen skal stadig holde</h2>"
            "<p>For almene bygherrer er der en ekstra udfordring: Byggeriet skal holde sig "
            "inden for maksimumsbeløbet, så huslejen bliver til at betale. Flere "
            "boligorganisationer oplever, at træbyggeri stadig er en smule dyrere end "
            "traditionelt byggeri, men at forskellen bliver mindre, jo flere der bygger med "
            "træ.</p>"
            "<p>I Silkeborg lykkedes det at holde budgettet ved at gøre boligerne enkle og "
            "ensartede, så elementerne kunne produceres i serie. „Det er ikke en luksusløsning. "
            "Det er almindelige familieboliger til almindelige mennesker, som tilfældigvis er "
            "bygget af træ. Det er netop pointen,“ siger Christina Boye. De første beboere "
            "flytter ind til sommer.</p>"
        ),
        "hero_alt": (
            "Et nyt boligbyggeri i tre etager med facader af lodrette træbrædder og altaner i "
            "lyst træ"
        ),
        "hero_caption": (
            "Det nye byggeri i Silkeborg er opført med bærende konstruktioner i træ og facader "
            "i ubehandlet lærk."
        ),
        "hero_credit": "Rasmus Egeberg",
    },
    {
        "title": "Byggepriserne presser nye almene projekter: Maksimumsbeløbet strækker ikke",
        "section": "byggeri-og-renovering",
        "authors": ["kasper-juul-thorsen"],
        "tags": ["Byggeomkostninger", "Nybyggeri", "Lovgivning", "Huslejer"],
        "lead": (
            "Flere almene byggeprojekter er sat på pause, fordi de ikke kan bygges inden for "
            "den ramme, loven sætter. Boligorganisationerne advarer om, at det bliver sværere "
            "at skaffe betalbare boliger i de store byer."
        ),
        "body": (
            "<p>Skiltet står der endnu. Det lover 80 nye almene familieboliger med altaner og "
            "fælles gårdhave, og det blev sat op, da lokalplanen var vedtaget. Men bag hegnet "
            "er der ikke sket noget i over et år. Projektet kan ikke bygges for de penge, der "
            "er til rådighed.</p>"
            "<p>Historien går igen flere steder i landet. Boligorganisationer har planer og "
            "grunde klar, men byggepriserne er steget så meget, at projekterne ikke kan holde "
            "sig inden for maksimumsbeløbet.</p>"
            "<h2>Hvad er maksimumsbeløbet?</h2>"
            "<p>Når der bygges almene boliger, fastsætter staten et maksimumsbeløb, som "
            "angiver, hvor meget byggeriet højst må koste pr. kvadratmeter. Beløbet skal sikre, "
            "at boligerne ikke bliver for dyre, og at huslejen holdes på et niveau, som "
            "almindelige mennesker kan betale. Problemet er ifølge boligorganisationerne, at "
            "beløbet ikke har fulgt med udviklingen i byggepriserne, især i de store byer, hvor "
            "grundene er dyre.</p>"
            "<p>„Vi står med en grund, en lokalplan og en kommune, der gerne vil have "
            "boligerne. Men når vi får tilbud ind fra entreprenørerne, ligger de langt over "
            "rammen. Så er vi nødt til at trække i håndbremsen,“ siger direktør Jesper Winther "
            "fra Boligselskabet Byhaven. De typiske årsager til, at budgettet ikke holder, er "
            "ifølge boligselskabet:</p>"
            "<ul><li>Høje priser på materialer og arbejdskraft</li><li>Dyre grunde i de store "
            "byer</li><li>Skærpede krav til klima, energi og tilgængelighed</li><li>Få "
            "tilbudsgivere på de store entrepriser</li></ul>"
            '<blockquote class="pull-quote"><p>Vi står med en grund, en lokalplan og en '
            "kommune, der gerne vil have boligerne. Men tilbuddene ligger langt over "
            'rammen.</p><p class="attribution">Jesper Winther, direktør i Boligselskabet '
            "Byhaven</p></blockquote>"
            "<h2>Skæring går ud over kvaliteten</h2>"
            "<p>En mulighed er at skære i projektet, så det passer ind i rammen. Men det har en "
            "pris. Mindre boliger, færre altaner, billigere materialer og færre fællesarealer "
            "gør byggeriet billigere at opføre, men kan gøre det dyrere at drive og mindre "
            "attraktivt at bo i.</p>"
            "<p>„Vi bygger boliger, der skal stå i hundrede år. Hvis vi sparer på kvaliteten "
            "nu, er det beboerne, der betaler regningen om tyve år, når tingene skal skiftes,“ "
            "siger Jesper Winther. Han peger på, at der også er risiko for, at boligerne bliver "
            "så små, at de ikke passer til de familier, der har mest brug for dem.</p>"
            "<h2>Politisk opmærksomhed</h2>"
            "<p>Sektoren har i en længere periode gjort opmærksom på problemet, og spørgsmålet "
            "om maksimumsbeløbet er blevet drøftet i flere politiske sammenhænge. "
            "Boligorganisationerne efterlyser en mere fleksibel ramme, der tager højde for de "
            "faktiske forskelle i byggepriser mellem landsdelene.</p>"
            "<p>Indtil da ligger projekterne stille, og ventelisterne bliver længere. „Det er "
            "frustrerende at stå med alle forudsætninger for at bygge og så ikke kunne komme i "
            "gang. Hver måned, der går, bliver det hele lidt dyrere,“ siger Jesper Winther.</p>"
        ),
        "hero_alt": (
            "En tom byggegrund med et skilt om kommende almene familieboliger og et hegn omkring"
        ),
        "hero_caption": (
            "Grunden skulle have rummet 80 almene familieboliger, men projektet er sat i bero, "
            "indtil økonomien hænger sammen."
        ),
        "hero_credit": "Johan Skovlund",
    },
    {
        "title": (
            "Kun hver tiende bolig er egnet til kørestol: Boligorganisation kortlægger alle lejemål"
        ),
        "section": "byggeri-og-renovering",
        "authors": ["sara-vestergaard-nielsen"],
        "tags": ["Tilgængelighed", "Ældre", "Renovering", "Sundhed"],
        "lead": (
            "En boligorganisation i Trekantområdet har gennemgået alle sine 4.000 boliger for "
            "at finde ud af, hvor tilgængelige de er. Resultatet er nedslående, men "
            "kortlægningen giver nu et grundlag for at prioritere."
        ),
        "body": (
            "<p>Dørene er for smalle, badeværelserne for små, og der er trapper overalt. Sådan "
            "lyder konklusionen på en omfattende kortlægning, som Boligforeningen Trekanten har "
            "gennemført af alle sine boliger i Fredericia, Kolding og Vejle. Ud af godt 4.000 "
            "boliger er kun omkring hver tiende egnet til en beboer i kørestol. Yderligere en "
            "fjerdedel kan gøres egnede med mindre ombygninger, mens resten kræver store "
            "indgreb.</p>"
            "<h2>Et billede af virkeligheden</h2>"
            "<p>Kortlægningen er gennemført af boligforeningens egne medarbejdere, som har målt "
            "døre, gange og badeværelser og registreret trapper, dørtrin og afstanden til "
            "nærmeste elevator. Alle oplysningerne er samlet i et register, som kan bruges, når "
            "der skal anvises boliger.</p>"
            "<p>„Før var vi afhængige af, at en medarbejder tilfældigvis kendte boligen. Nu kan "
            "vi med det samme se, hvilke boliger der passer til en beboer med særlige behov. "
            "Det sparer tid, og det sparer mange skuffelser,“ siger udlejningschef Maja "
            "Kristiansen. Kortlægningen har registreret blandt andet:</p>"
            "<ul><li>Bredden på døre og gange</li><li>Størrelsen på badeværelse og "
            "køkken</li><li>Antal trin fra fortov til hoveddør</li><li>Adgang til elevator, "
            "parkering og affaldsøer</li></ul>"
            '<blockquote class="pull-quote"><p>Nu kan vi med det samme se, hvilke '
            "boliger der passer til en beboer med særlige "
            'behov.</p><p class="attribution">Maja Kristiansen, udlejningschef i '
            "Boligforeningen Trekanten</p></blockquote>"
            "<h2>Flere ældre beboere</h2>"
            "<p>Behovet for tilgængelige boliger vokser i takt med, at befolkningen bliver "
            "ældre. Mange beboere i den almene sektor har boet i samme bolig i årtier og ønsker "
            "at blive boende, også når helbredet skranter.</p>"
            "<p>En af dem er Poul Erik Sandholm, der har boet i sin lejlighed på første sal i "
            "41 år. Efter en blodprop for to år siden er han afhængig af rollator, og trappen "
            "er blevet en daglig kamp.</p>"
            "<p>„Jeg vil ikke flytte. Mine venner bor her, og jeg kender hver en sten. Men jeg "
            "kommer kun ud, når min datter er her og kan hjælpe mig ned,“ siger Poul Erik "
            "Sandholm.</p>"
            "<h2>Plan for de kommende år</h2>"
            "<p>Boligforeningen vil nu bruge kortlægningen til at lægge en plan for, hvor der "
            "skal sættes ind først. Nogle boliger kan gøres tilgængelige med relativt simple "
            "greb, som at fjerne dørtrin og sætte ramper op. Andre steder kræver det elevatorer "
            "og større ombygninger, som skal finansieres gennem renoveringer.</p>"
            "<p>Samtidig vil boligforeningen tale med kommunerne om, hvordan boligerne bedst "
            "kan bruges, så de beboere, der har brug for en tilgængelig bolig, også får den. "
            "„Det nytter ikke, at vi har en fuldt tilgængelig bolig, hvis den bliver lejet ud "
            "til en ung familie, mens en ældre mand sidder fast på tredje sal. Vi skal have det "
            "rigtige match,“ siger Maja Kristiansen.</p>"
        ),
        "hero_alt": (
            "En mand i kørestol forsøger at komme ind ad en smal badeværelsesdør med en høj dørtrin"
        ),
        "hero_caption": (
            "Smalle døre og høje dørtrin gør mange ældre boliger uegnede for beboere i kørestol."
        ),
        "hero_credit": "Ida Marie Bjerre",
    },
    {
        "title": "Fra nedrivning til nybyggeri: Murstenene fra den gamle blok får nyt liv",
        "section": "byggeri-og-renovering",
        "authors": ["tobias-vang-eriksen"],
        "tags": ["Nybyggeri", "Byfornyelse", "CO2-udledning", "Udviklingsplaner"],
        "lead": (
            "Da en af blokkene i et boligområde i Odense skulle rives ned, besluttede "
            "boligorganisationen at gemme så meget som muligt. Nu bliver mursten, trapper og "
            "træværk brugt i de nye rækkehuse lige ved siden af."
        ),
        "body": (
            "<p>Det er ikke hver dag, at en nedrivning bliver fejret. Men da den sidste væg i "
            "blok 7 i et boligområde i Odense faldt, stod både beboere, arkitekter og "
            "håndværkere klar med kaffe og rundstykker. Blokken blev nemlig ikke bare knust til "
            "byggeaffald. Store dele af den skal genbruges.</p>"
            "<p>Nedrivningen er en del af boligområdets udviklingsplan, og på grunden opføres "
            "nu 32 nye almene rækkehuse. Her bliver mursten, trappetrin og dele af træværket "
            "fra den gamle blok brugt igen.</p>"
            "<h2>Selektiv nedrivning</h2>"
            "<p>Normalt bliver en betonblok revet ned med store maskiner, og materialerne ender "
            "som fyld eller bliver kørt til deponi. I Odense har boligorganisationen valgt en "
            "langsommere metode, hvor bygningen skilles ad del for del.</p>"
            "<p>„Det tager længere tid, og det kræver mere planlægning. Men vi sparer en masse "
            "CO2, og vi får materialer med en historie. Flere af de gamle beboere har sagt, at "
            "det føles rart, at noget af deres gamle hjem lever videre,“ siger projektleder "
            "Sanne Hvass fra Boligforeningen Fynsgården. Fra den gamle blok genbruges blandt "
            "andet:</p>"
            "<ul><li>Omkring 60.000 mursten til facaderne</li><li>Betontrappetrin til stier og "
            "terrasser i haverne</li><li>Dørkarme og træværk til det nye fælleshus</li></ul>"
            '<blockquote class="pull-quote"><p>Vi sparer en masse CO2, og vi får '
            'materialer med en historie.</p><p class="attribution">Sanne Hvass, projektleder '
            "i Boligforeningen Fynsgården</p></blockquote>"
            "<h2>Skal kunne dokumenteres</h2>"
            "<p>Genbrug af byggematerialer er ikke uden udfordringer. Materialerne skal testes "
            "for miljøskadelige stoffer, og de skal kunne dokumenteres, så de lever op til "
            "kravene i bygningsreglementet. Især murstenene har krævet et stort arbejde, fordi "
            "den gamle mørtel skulle fjernes.</p>"
            "<p>„Vi har været nødt til at sortere hver eneste palle og sende prøver til "
            "laboratoriet. Det er ikke noget, man bare gør med venstre hånd,“ siger entreprenør "
            "Henrik Damsgaard, som har stået for nedrivningen. Ifølge boligforeningen har "
            "genbruget ikke gjort byggeriet billigere, men heller ikke markant dyrere. "
            "Gevinsten ligger i et lavere klimaaftryk og i et byggeri, der passer ind i "
            "området.</p>"
            "<h2>Historien skal fortælles</h2>"
            "<p>For beboerne i boligområdet har nedrivningen været en svær proces. Mange var "
            "kede af at skulle forlade deres lejligheder, og udviklingsplanen har skabt debat. "
            "Afdelingsformand Leila Mansour håber, at genbruget kan være med til at bygge bro "
            "mellem det gamle og det nye.</p>"
            "<p>„Det gjorde ondt at se blokken forsvinde. Men når jeg går forbi de nye huse og "
            "kan genkende stenene, tænker jeg, at vi ikke er blevet visket ud. Vi er blevet "
            "bygget ind,“ siger hun.</p>"
        ),
        "hero_alt": (
            "Paller med rensede røde mursten står stablet foran et nyt rækkehus under opførelse"
        ),
        "hero_caption": (
            "Omkring 60.000 mursten er renset og genbrugt i facaderne på de nye rækkehuse."
        ),
        "hero_credit": "Mikkel Dahlgaard",
    },
    {
        "title": "Skimmelsvamp: Sådan undgår afdelingen, at et fugtproblem vokser sig stort",
        "section": "byggeri-og-renovering",
        "authors": ["jonas-broendum-lauridsen"],
        "tags": ["Drift", "Renovering", "Sundhed"],
        "lead": (
            "Fugt og skimmel kan gøre beboere syge og ende med dyre renoveringer. Erfarne "
            "driftsfolk fortæller, hvordan tidlig indsats og et godt samarbejde med beboerne "
            "kan forhindre, at små pletter bliver til store sager."
        ),
        "body": (
            "<p>Det starter ofte med en sort plet i hjørnet af badeværelset eller bag skabet i "
            "soveværelset. Mange beboere tørrer den af og tænker ikke mere over det. Men hvis "
            "fugten får lov at blive, kan den udvikle sig til skimmelsvamp, som både skader "
            "bygningen og kan give gener som hovedpine, træthed og luftvejsproblemer.</p>"
            "<p>I den almene sektor er skimmel et tilbagevendende problem, særligt i ældre "
            "byggeri med kuldebroer og utilstrækkelig ventilation. Og sagerne kan blive dyre, "
            "hvis de opdages for sent.</p>"
            "<h2>Tidlig indsats betaler sig</h2>"
            "<p>Hos Boligselskabet Nørrevang i Horsens har man de seneste år ændret tilgangen "
            "til skimmelsager. I stedet for at vente på, at beboerne klager, gennemgår driften "
            "nu systematisk de boliger, der historisk har haft problemer.</p>"
            "<p>„Vi har lært, at det er langt billigere at komme tidligt. En skimmelplet, der "
            "bliver opdaget med det samme, kan vi ofte klare med en god rengøring og lidt bedre "
            "ventilation. Hvis den har fået lov at sprede sig i et år, skal vi måske skifte "
            "gipsvægge,“ siger driftschef Henning Ladefoged. Når driften kommer på besøg, "
            "gennemgår de blandt andet:</p>"
            "<ul><li>Ventilationen i køkken og badeværelse</li><li>Kolde ydervægge og hjørner "
            "bag møbler</li><li>Vinduer med kondens og utætte fuger</li><li>Tegn på vandskader "
            "fra rør eller tag</li></ul>"
            '<blockquote class="pull-quote"><p>Det er langt billigere at komme tidligt. '
            "En skimmelplet, der bliver opdaget med det samme, kan vi ofte klare med en god "
            'rengøring.</p><p class="attribution">Henning Ladefoged, driftschef i '
            "Boligselskabet Nørrevang</p></blockquote>"
            "<h2>Beboerne skal ikke skamme sig</h2>"
            "<p>En af udfordringerne er, at mange beboere ikke siger noget, fordi de er bange "
            "for at få skylden. Det er rigtigt, at beboernes vaner spiller en rolle, for "
            "eksempel når tøj tørres indendørs, eller når der ikke luftes ud. Men ofte skyldes "
            "problemet også bygningen selv.</p>"
            "<p>„Vi siger til beboerne, at de aldrig skal være bange for at ringe. Det er vores "
            "fælles bygning, og vi har alle en interesse i at passe på den,“ siger Henning "
            "Ladefoged. Beboer Louise Skaarup fik besøg af driften, efter at hendes søn havde "
            "haft hoste i flere måneder.</p>"
            "<p>„Jeg troede, det var mig, der ikke gjorde rent godt nok. Det viste sig, at der "
            "var en utæthed i ydervæggen. Nu er den lavet, og min søn har det meget bedre,“ "
            "siger hun.</p>"
            "<h2>Renovering som løsning</h2>"
            "<p>I nogle afdelinger er problemet så stort, at det kræver en egentlig renovering "
            "med nye vinduer, bedre isolering og mekanisk ventilation. Her kan Landsbyggefonden "
            "bidrage, men det kræver dokumentation af problemets omfang. Derfor registrerer "
            "boligselskabet nu alle skimmelsager i et fælles system. Det giver et overblik "
            "over, hvilke afdelinger der har størst behov, og det gør det lettere at søge "
            "støtte til de store løsninger.</p>"
        ),
        "hero_alt": (
            "En driftsmedarbejder måler fugt med et apparat på en væg bag en radiator i et "
            "soveværelse"
        ),
        "hero_caption": (
            "En fugtmåler er blevet en fast del af værktøjskassen, når driften besøger en bolig "
            "efter en henvendelse om skimmel."
        ),
        "hero_credit": "Sofie Kragh",
    },
    {
        "title": (
            "Mindre boliger, større fællesskab: Nyt byggeri deler køkken, værksted og gæsteværelse"
        ),
        "section": "byggeri-og-renovering",
        "authors": ["sara-vestergaard-nielsen"],
        "tags": ["Arkitektur", "Fællesarealer", "Nybyggeri", "Byggeomkostninger"],
        "lead": (
            "I et nyt alment byggeri i Roskilde er lejlighederne en smule mindre end normalt. "
            "Til gengæld deler beboerne et stort fælleskøkken, et værksted og et gæsteværelse. "
            "Idéen er at holde huslejen nede og fællesskabet oppe."
        ),
        "body": (
            "<p>Hvor mange kvadratmeter har man egentlig brug for? Det spørgsmål stillede "
            "Boligselskabet Fjordlyset sig selv, da det skulle planlægge en ny afdeling med 48 "
            "lejligheder i Roskilde. Svaret blev færre end normalt, men til gengæld med adgang "
            "til langt flere fælles faciliteter.</p>"
            "<p>Lejlighederne er i gennemsnit ti procent mindre end i selskabets øvrige "
            "nybyggeri. De sparede kvadratmeter er i stedet brugt på et fælleshus med køkken, "
            "værksted, gæsteværelse og vaskeri.</p>"
            "<h2>Ikke alle har brug for et gæsteværelse hver dag</h2>"
            "<p>Idéen bag er enkel. Mange har et ekstra værelse, som kun bruges, når der kommer "
            "gæster et par gange om året. Mange har også et værktøjsskab, en boremaskine og en "
            "symaskine, som næsten aldrig bliver brugt. Ved at dele disse ting kan den enkelte "
            "bolig blive mindre og dermed billigere.</p>"
            "<p>„Vi ville gerne lave boliger, som folk med almindelige indkomster har råd til. "
            "Og vi ville gerne bygge et sted, hvor man faktisk kender sine naboer. Det viste "
            "sig, at de to mål passer fint sammen,“ siger arkitekt Nanna Bruun, der har tegnet "
            "byggeriet. Fælleshuset rummer blandt andet:</p>"
            "<ul><li>Et stort køkken med spiseplads til 60 personer</li><li>Et værksted med "
            "værktøj, cykelstativ og symaskiner</li><li>To gæsteværelser, som kan bookes via en "
            "app</li><li>Et fælles vaskeri og et rum til pakker</li></ul>"
            '<blockquote class="pull-quote"><p>Vi ville gerne bygge et sted, hvor man '
            'faktisk kender sine naboer.</p><p class="attribution">Nanna Bruun, '
            "arkitekt</p></blockquote>"
            "<h2>Fællesskabet skal plejes</h2>"
            "<p>Byggeriet har kun været beboet i et halvt år, men der er allerede en lang række "
            "aktiviteter i gang. Hver onsdag er der fællesspisning, og i weekenden bruges "
            "værkstedet flittigt.</p>"
            "<p>„Jeg boede i et stort rækkehus, før jeg blev skilt. Her har jeg to værelser, og "
            "det er rigeligt. Når mine børn kommer på besøg, booker jeg gæsteværelset, og så "
            "spiser vi nogle gange med de andre i fælleshuset. Jeg har aldrig kendt så mange af "
            "mine naboer før,“ siger Klaus Højbjerg, der er 54 år.</p>"
            "<p>Boligselskabet understreger, at fællesskabet ikke kommer af sig selv. Derfor "
            "har der i den første tid været en medarbejder tilknyttet, som har hjulpet beboerne "
            "med at organisere sig.</p>"
            "<h2>Kan det bruges andre steder?</h2>"
            "<p>Modellen har vakt interesse i andre boligorganisationer, men der er også "
            "skeptiske stemmer. Nogle peger på, at fællesarealerne skal vedligeholdes og "
            "styres, og at det kan give konflikter, når mange skal dele de samme ting. „Det "
            "kræver, at beboerne tager ansvar, og at der er klare regler. Men det gælder jo i "
            "alle fællesskaber. Vi har i hvert fald ikke fortrudt,“ siger afdelingsformand "
            "Trine Lykkegaard.</p>"
        ),
        "hero_alt": (
            "Et lyst fælleskøkken med et langt egetræsbord, hvor beboere i forskellige aldre "
            "laver mad sammen"
        ),
        "hero_caption": (
            "Fælleskøkkenet er byggeriets hjerte og bruges til alt fra fællesspisning til "
            "lektiehjælp."
        ),
        "hero_credit": "Camilla Thygesen",
    },
    {
        "title": "Nye ejendomsvurderinger: Det betyder de for huslejen i almene boliger",
        "section": "boligpolitik",
        "authors": ["kasper-juul-thorsen"],
        "tags": ["Ejendomsvurdering", "Huslejer", "Lovgivning"],
        "lead": (
            "De nye ejendomsvurderinger har fyldt meget i debatten om ejerboliger. Men de har "
            "også betydning for landets almene lejere, fordi grundskylden indgår i "
            "afdelingernes budgetter. Vi forklarer, hvordan det hænger sammen."
        ),
        "body": (
            "<p>Når debatten om ejendomsvurderinger kommer op, handler den oftest om "
            "ejerboliger og om, hvor meget boligejerne skal betale i skat. Men de almene "
            "boligafdelinger bliver også vurderet, og det kan få betydning for huslejen. Hver "
            "almen boligafdeling betaler nemlig grundskyld til kommunen, ligesom andre "
            "ejendomme. Udgiften indgår i afdelingens budget og bliver dermed betalt af "
            "beboerne over huslejen.</p>"
            "<h2>Sådan hænger det sammen</h2>"
            "<p>Grundskylden beregnes ud fra værdien af grunden og den promille, som kommunen "
            "har fastsat. Hvis grundværdien stiger, kan grundskylden også stige, og så skal "
            "afdelingen finde pengene i budgettet.</p>"
            "<p>„Mange beboere er overraskede over, at ejendomsskatten er en del af deres "
            "husleje. Men det er en af de faste udgifter, afdelingen ikke selv har indflydelse "
            "på, ligesom forsikringer og renter,“ siger Anja Bundgaard, der er økonomichef i en "
            "boligorganisation i Midtjylland. Hvor meget de nye vurderinger betyder for den "
            "enkelte afdeling, afhænger blandt andet af:</p>"
            "<ul><li>Hvor grunden ligger, og hvor meget grundpriserne er steget i "
            "området</li><li>Den grundskyldspromille, som kommunen har "
            "fastsat</li><li>Størrelsen på grunden i forhold til antallet af boliger</li></ul>"
            '<blockquote class="pull-quote"><p>Ejendomsskatten er en af de faste '
            "udgifter, afdelingen ikke selv har indflydelse på, ligesom forsikringer og "
            'renter.</p><p class="attribution">Anja Bundgaard, '
            "økonomichef</p></blockquote>"
            "<h2>Store forskelle</h2>"
            "<p>Ifølge Anja Bundgaard er der store forskelle på, hvordan de nye vurderinger "
            "rammer. Afdelinger i områder med stigende grundpriser, for eksempel i de større "
            "byer, kan opleve mærkbare stigninger, mens andre afdelinger næsten ikke mærker "
            "noget.</p>"
            "<p>„Vi har afdelinger, hvor grundskylden næsten ikke har ændret sig, og andre, "
            "hvor den betyder flere hundrede kroner ekstra om året for hver lejlighed. Det er "
            "svært at forklare beboerne, at det er noget, der sker langt væk fra dem,“ siger "
            "hun.</p>"
            "<h2>Boligorganisationerne kan klage</h2>"
            "<p>Ligesom andre ejere kan boligorganisationerne klage over vurderingen, hvis de "
            "mener, at den er forkert. Flere organisationer har gennemgået deres vurderinger "
            "systematisk for at finde fejl, for eksempel i arealer eller i den måde, grunden er "
            "beskrevet på.</p>"
            "<p>„Det er et stort arbejde, men det kan betale sig. En fejl i vurderingen kan "
            "koste beboerne penge hvert eneste år, indtil den bliver rettet,“ siger Anja "
            "Bundgaard.</p>"
            "<p>For beboerne er det vigtigste at vide, at stigninger i grundskylden ikke er "
            "noget, afdelingsbestyrelsen har valgt. Men de kan spørge ind til det på "
            "afdelingsmødet, hvor budgettet bliver fremlagt.</p>"
        ),
        "hero_alt": (
            "En mand sidder ved et køkkenbord og kigger på en huslejeopkrævning og et budget på "
            "papir"
        ),
        "hero_caption": (
            "Ejendomsskatten er en af de poster, der indgår i huslejen, og som afdelingen ikke "
            "selv har indflydelse på."
        ),
        "hero_credit": "Johan Skovlund",
    },
    {
        "title": "Kommunerne vil have flere almene boliger – men der mangler grunde",
        "section": "boligpolitik",
        "authors": ["kasper-juul-thorsen", "mette-kjaergaard-holm"],
        "tags": ["Kommunesamarbejde", "Nybyggeri", "Byggeomkostninger", "Huslejer"],
        "lead": (
            "Mange borgmestre ønsker flere betalbare boliger i deres kommune. Men i de store "
            "byer er det svært at finde grunde, som almene boligorganisationer har råd til at "
            "bygge på. Nu efterlyser sektoren, at kommunerne bruger de redskaber, de allerede "
            "har."
        ),
        "body": (
            "<p>Der er bred politisk enighed om, at der er brug for flere boliger, som "
            "almindelige mennesker kan betale. Det gælder ikke mindst i de store byer, hvor "
            "huslejer og huspriser er steget markant, og hvor sygeplejersker, pædagoger og "
            "buschauffører kan have svært ved at finde en bolig tæt på arbejdet.</p>"
            "<p>Den almene sektor er en oplagt del af løsningen. Men for at bygge almene "
            "boliger skal der være grunde, og de er blevet en mangelvare.</p>"
            "<h2>Konkurrencen om grundene</h2>"
            "<p>I de store byer konkurrerer de almene boligorganisationer om grundene med "
            "private investorer, der kan betale mere. Da almene boliger skal holdes inden for "
            "en fast økonomisk ramme, har boligorganisationerne ofte ikke en chance i en åben "
            "budrunde.</p>"
            "<p>„Vi kan ikke byde over markedsprisen, fordi det ville ende på huslejen. Derfor "
            "er vi afhængige af, at kommunerne aktivt hjælper os med at finde grunde,“ siger "
            "direktør Susanne Ryberg fra Boligselskabet Havnefronten. Kommunerne har allerede "
            "flere redskaber til rådighed:</p>"
            "<ul><li>Krav i nye lokalplaner om, at op til en fjerdedel af boligerne skal være "
            "almene</li><li>Salg af kommunale grunde til en pris, der gør alment byggeri "
            "muligt</li><li>Tidlig dialog med boligorganisationerne, når nye byområder "
            "planlægges</li></ul>"
            '<blockquote class="pull-quote"><p>Vi kan ikke byde over markedsprisen, '
            'fordi det ville ende på huslejen.</p><p class="attribution">Susanne Ryberg, '
            "direktør i Boligselskabet Havnefronten</p></blockquote>"
            "<h2>Redskaberne bruges forskelligt</h2>"
            "<p>Ifølge boligorganisationerne er der stor forskel på, hvor aktivt kommunerne "
            "bruger redskaberne. Nogle kommuner stiller systematisk krav om almene boliger i "
            "alle større lokalplaner. Andre gør det sjældent eller slet ikke. En af de "
            "kommuner, der har gjort det til en fast praksis, er en mellemstor kommune på "
            "Sjælland. Her har byrådet vedtaget, at der i alle nye boligområder skal være en "
            "andel almene boliger.</p>"
            "<p>„Vi vil ikke have en by, hvor man kun kan bo, hvis man har en god indkomst. "
            "Derfor er almene boliger en fast del af vores planlægning, og det har vi et bredt "
            "flertal bag,“ siger formanden for kommunens teknik- og miljøudvalg, Birthe "
            "Fallesen.</p>"
            "<h2>Grundkapitalen er også et spørgsmål</h2>"
            "<p>Når der bygges almene boliger, skal kommunen også indskyde grundkapital, og det "
            "kan være en barriere i kommuner med stram økonomi. Flere boligorganisationer "
            "oplever, at ønsket om flere almene boliger ikke altid følges op af penge i "
            "kommunens budget.</p>"
            "<p>„Det er ikke nok at sige, at man vil have flere almene boliger. Man skal også "
            "være villig til at betale sin del. Ellers bliver det ved snakken,“ siger Susanne "
            "Ryberg.</p>"
        ),
        "hero_alt": (
            "En byplanlægger og en direktør fra en boligorganisation kigger på et kort over et "
            "nyt byområde"
        ),
        "hero_caption": (
            "Kommunerne kan i nye lokalplaner stille krav om almene boliger, men redskabet "
            "bruges meget forskelligt."
        ),
        "hero_credit": "Rasmus Egeberg",
    },
    {
        "title": (
            "Hjemløsereformen: Boligorganisationerne står klar, men efterlyser billige boliger"
        ),
        "section": "boligpolitik",
        "authors": ["line-overgaard-moeller"],
        "tags": ["Hjemløshed", "Boligsociale indsatser", "Kommunesamarbejde", "Lovgivning"],
        "lead": (
            "Med hjemløsereformen skal egen bolig være det første skridt ud af hjemløshed. De "
            "almene boligorganisationer vil gerne løfte opgaven, men der mangler små, billige "
            "boliger – og en sikker støtte til beboerne, når de er flyttet ind."
        ),
        "body": (
            "<p>Der findes tusindvis af mennesker i Danmark uden en fast bolig. Nogle sover på "
            "gaden, andre på herberger eller på skiftende venners sofaer. Med den politiske "
            "aftale om en hjemløsereform er der lagt op til en ny tilgang, hvor en egen bolig "
            "er udgangspunktet og ikke belønningen.</p>"
            "<p>Tilgangen kaldes Housing First. Idéen er, at det er lettere at tage fat på "
            "misbrug, psykisk sygdom eller gæld, når man har et sted at bo og en fast støtte i "
            "hverdagen.</p>"
            "<h2>Boligerne findes ikke</h2>"
            "<p>For de almene boligorganisationer er reformen både en opgave og en udfordring. "
            "Sektoren er allerede i dag det sted, hvor de fleste tidligere hjemløse får en "
            "bolig, blandt andet gennem kommunernes anvisningsret. Men der er for få boliger "
            "med en husleje, som en person på kontanthjælp eller førtidspension kan betale.</p>"
            "<p>„Vi vil gerne være med. Det er en del af vores DNA at skaffe boliger til dem, "
            "der har sværest ved at finde en. Men vi kan ikke trylle små, billige boliger frem. "
            "De skal bygges, og det tager tid,“ siger direktør Carsten Lundsgaard fra "
            "Boligforeningen Nordhavn. Sektoren peger på en række forudsætninger for, at "
            "reformen kan lykkes:</p>"
            "<ul><li>Flere små boliger med en husleje, der passer til lave "
            "indkomster</li><li>Bostøtte, der følger borgeren, så længe der er brug for "
            "den</li><li>Et tæt samarbejde mellem kommune, boligorganisation og "
            "støttepersoner</li><li>Hjælp til naboer og afdelinger, hvis der opstår "
            "konflikter</li></ul>"
            '<blockquote class="pull-quote"><p>Vi kan ikke trylle små, billige boliger '
            'frem. De skal bygges, og det tager tid.</p><p class="attribution">Carsten '
            "Lundsgaard, direktør i Boligforeningen Nordhavn</p></blockquote>"
            "<h2>Støtten skal følge med</h2>"
            "<p>En anden bekymring handler om støtten. Erfaringerne viser, at mange tidligere "
            "hjemløse kan bo i egen bolig, hvis de får den rette hjælp. Men hvis hjælpen "
            "forsvinder for tidligt, risikerer de at miste boligen igen.</p>"
            "<p>„Det værste, der kan ske, er, at en person flytter ind og så bliver overladt "
            "til sig selv. Så går det galt, og så har vi både et menneske, der er tilbage på "
            "gaden, og en afdeling, der har haft en hård tid,“ siger socialrådgiver Mette "
            "Vinther, som arbejder med bostøtte i en større kommune.</p>"
            "<h2>Naboerne skal med</h2>"
            "<p>Boligorganisationerne understreger, at de fleste tidligere hjemløse bliver gode "
            "naboer. Men der kan opstå situationer, hvor afdelingen har brug for hjælp, og så "
            "skal der være nogen at ringe til.</p>"
            "<p>„Vi skal passe på både den nye beboer og på dem, der bor der i forvejen. Det "
            "kræver, at vi har en aftale med kommunen om, hvem der gør hvad,“ siger Carsten "
            "Lundsgaard. Flere boligorganisationer er allerede i dialog med kommunerne om, "
            "hvordan reformen skal udmøntes lokalt.</p>"
        ),
        "hero_alt": (
            "En mand sætter nøglen i døren til en lille etværelseslejlighed med en sportstaske "
            "over skulderen"
        ),
        "hero_caption": (
            "For mange hjemløse er det første skridt at få en bolig med sin egen nøgle og sin "
            "egen hoveddør."
        ),
        "hero_credit": "Ida Marie Bjerre",
    },
    {
        "title": "Lang ventetid på renoveringsstøtte: Afdelinger står i kø hos Landsbyggefonden",
        "section": "boligpolitik",
        "authors": ["jonas-broendum-lauridsen"],
        "tags": ["Landsbyggefonden", "Renovering", "Energirenovering", "Huslejer"],
        "lead": (
            "Utætte tage, skimmel og slidte badeværelser. Mange afdelinger har brug for en "
            "gennemgribende renovering, men må vente i årevis på støtte. Imens stiger priserne, "
            "og beboerne lever med problemerne."
        ),
        "body": (
            "<p>Der er spande under loftet i opgangen, når det regner kraftigt. Fliserne i "
            "badeværelserne falder af, og vinduerne er så utætte, at gardinerne bevæger sig, "
            "når det blæser. Sådan har hverdagen været i årevis for beboerne i afdelingen "
            "Engparken i Næstved.</p>"
            "<p>Afdelingen har for længst fået lavet en helhedsplan for en stor renovering og "
            "har søgt støtte hos Landsbyggefonden. Men projektet er endnu ikke kommet i gang, "
            "fordi der er lang ventetid på at få tilsagn.</p>"
            "<h2>Mange projekter, begrænset ramme</h2>"
            "<p>Landsbyggefonden er de almene boligers egen fond. Den er bygget op af beboernes "
            "indbetalinger over mange år og bruges blandt andet til at støtte store "
            "renoveringer, som afdelingerne ikke selv kan bære. Hvor mange penge der hvert år "
            "kan gives til renoveringer, er dog fastsat politisk. Når der er flere projekter "
            "end penge, opstår der kø. Og køen er ifølge flere boligorganisationer blevet "
            "længere.</p>"
            "<p>„Vi har afdelinger, hvor der er akutte problemer, men hvor vi ved, at der går "
            "flere år, før der kan komme en løsning. Det er svært at forklare beboerne, at de "
            "skal leve med det så længe,“ siger teknisk chef Lene Bach fra Boligforeningen "
            "Sydsjælland. Konsekvenserne af ventetiden er ifølge boligforeningen blandt "
            "andet:</p>"
            "<ul><li>Bygningerne forfalder yderligere, så renoveringen bliver "
            "dyrere</li><li>Byggepriserne stiger, mens projekterne venter</li><li>Afdelingerne "
            "bruger penge på midlertidige reparationer</li><li>Beboerne mister tålmodigheden og "
            "flytter</li></ul>"
            '<blockquote class="pull-quote"><p>Vi har afdelinger, hvor der er akutte '
            "problemer, men hvor vi ved, at der går flere år, før der kan komme en "
            'løsning.</p><p class="attribution">Lene Bach, teknisk chef i Boligforeningen '
            "Sydsjælland</p></blockquote>"
            "<h2>Lappeløsninger koster</h2>"
            "<p>I mellemtiden må afdelingerne bruge af deres egne midler på at holde "
            "bygningerne kørende. Det er penge, der kunne have været brugt bedre, hvis den "
            "store renovering var blevet gennemført. „Vi har lappet taget tre gange på fem år. "
            "Hver gang koster det titusinder af kroner, og hver gang ved vi, at det er penge ud "
            "ad vinduet, fordi taget alligevel skal skiftes,“ siger afdelingsformand Finn "
            "Thygesen fra Engparken.</p>"
            "<p>Han fortæller, at flere af afdelingens beboere er flyttet, fordi de ikke "
            "længere ville bo med fugt og træk. Det har givet flere tomme boliger og dermed et "
            "tab for afdelingen.</p>"
            "<h2>Ønske om en større ramme</h2>"
            "<p>Sektoren har i flere år efterlyst, at rammen for renoveringsstøtte bliver "
            "hævet, så de mest presserende projekter kan komme i gang. Argumentet er, at "
            "pengene i fonden stammer fra beboerne selv, og at de bør komme beboerne til "
            "gavn.</p>"
            "<p>„Det er ikke statens penge, vi beder om. Det er beboernes egne penge, som står "
            "i fonden. Vi vil bare gerne have lov til at bruge dem, når der er brug for dem,“ "
            "siger Lene Bach. I Engparken venter beboerne stadig. Men afdelingsbestyrelsen har "
            "besluttet at bruge tiden på at forberede sig, så renoveringen kan gå i gang "
            "hurtigt, når tilsagnet kommer.</p>"
        ),
        "hero_alt": (
            "En beboer peger på en revne i loftet over et ældre badeværelse med afskallede fliser"
        ),
        "hero_caption": (
            "I afdelingen Engparken har beboerne ventet i seks år på, at renoveringen kan gå i "
            "gang."
        ),
        "hero_credit": "Sofie Kragh",
    },
    {
        "title": "Tomme boliger på landet, lange ventelister i byen: Sektoren har to udfordringer",
        "section": "boligpolitik",
        "authors": ["mette-kjaergaard-holm"],
        "tags": ["Huslejer", "Byfornyelse", "Kommunesamarbejde", "Almene mål"],
        "lead": (
            "I de store byer står folk i kø til en almen bolig. I dele af provinsen står "
            "boliger tomme, og afdelingerne mister lejeindtægter. Målet om robuste fællesskaber "
            "i hele landet kræver forskellige løsninger, lyder det fra sektoren."
        ),
        "body": (
            "<p>I hovedstadsområdet og i de største byer i Jylland kan der gå mange år, før man "
            "får en almen familiebolig. Men kører man et par timer ud på landet, er billedet et "
            "helt andet. Her kæmper flere afdelinger med tomme boliger, og skiltet med ledige "
            "lejligheder har hængt ved indkørslen i månedsvis. Det er to sider af den samme "
            "sektor, og de stiller vidt forskellige krav til både boligorganisationer og "
            "politikere.</p>"
            "<h2>Tomme boliger koster alle</h2>"
            "<p>Når en almen bolig står tom, mister afdelingen lejeindtægten, men udgifterne "
            "til lån, vedligeholdelse og drift skal stadig betales. I sidste ende er det de "
            "øvrige beboere, der må bære tabet, hvis det ikke kan dækkes på anden vis.</p>"
            "<p>„Vi har en afdeling, hvor hver sjette bolig har stået tom i over et år. Det er "
            "ikke fordi, boligerne er dårlige. Der er bare ikke nok mennesker, der flytter "
            "hertil,“ siger direktør Jan Overby fra en boligorganisation i Vestjylland. "
            "Boligorganisationerne i yderområderne forsøger sig med forskellige løsninger:</p>"
            "<ul><li>Sammenlægning af små lejligheder til større "
            "familieboliger</li><li>Nedrivning af boliger, der ikke længere "
            "efterspørges</li><li>Ombygning til ældreboliger eller "
            "bofællesskaber</li><li>Samarbejde med kommunen om at tiltrække nye "
            "tilflyttere</li></ul>"
            "<h2>I byerne mangler boligerne</h2>"
            "<p>I de store byer er problemet det omvendte. Her er der langt flere, der ønsker "
            "en almen bolig, end der er boliger. Ventelisterne er lange, og mange familier med "
            "almindelige indkomster har svært ved at finde et sted at bo.</p>"
            "<p>„Når en sygeplejerske ikke kan finde en bolig, hun har råd til, i den by, hvor "
            "hun arbejder, så har vi et problem, der rækker langt ud over boligmarkedet,“ siger "
            "Jan Overby, der tidligere har arbejdet i en boligorganisation i København.</p>"
            '<blockquote class="pull-quote"><p>Der er ikke nok mennesker, der flytter '
            'hertil. Det er ikke fordi, boligerne er dårlige.</p><p class="attribution">Jan '
            "Overby, direktør i en boligorganisation i Vestjylland</p></blockquote>"
            "<h2>Én sektor, mange virkeligheder</h2>"
            "<p>Målet om robuste by- og boligfællesskaber, som er et af de almene mål, handler "
            "netop om, at der skal være gode og betalbare boliger i hele landet. Men det "
            "betyder noget forskelligt, om man sidder i en storby eller i en lille "
            "provinsby.</p>"
            "<p>Flere i sektoren peger på, at de politiske løsninger skal være fleksible nok "
            "til at rumme begge virkeligheder. Det kan være lettere adgang til at bygge i "
            "byerne og bedre muligheder for at tilpasse boligmassen i yderområderne. „Vi skal "
            "ikke have én løsning til hele landet. Vi skal have redskaber, som den enkelte "
            "boligorganisation og kommune kan bruge, alt efter hvad der er brug for lokalt,“ "
            "siger formand Dorthe Kjeldgaard fra en boligorganisation i Sønderjylland.</p>"
            "<p>Hun understreger, at de almene boliger i de små byer spiller en vigtig rolle, "
            "selv om der er tomme lejligheder. For mange ældre og for unge, der ikke har råd "
            "til at købe, er de den eneste mulighed for at blive boende i lokalsamfundet.</p>"
        ),
        "hero_alt": (
            "En række lave almene boliger i en lille by med et skilt om ledige lejligheder ved "
            "indkørslen"
        ),
        "hero_caption": (
            "I nogle mindre byer har afdelingerne svært ved at finde lejere til de største "
            "lejligheder."
        ),
        "hero_credit": "Mikkel Dahlgaard",
    },
    {
        "title": "Kommunal anvisning: Når hver fjerde ledige bolig går til borgere i krise",
        "section": "boligpolitik",
        "authors": ["line-overgaard-moeller", "kasper-juul-thorsen"],
        "tags": ["Kommunesamarbejde", "Boligsociale indsatser", "Tryghed", "Lovgivning"],
        "lead": (
            "Kommunerne kan anvise op til hver fjerde ledige almene familiebolig til borgere "
            "med akut behov for et sted at bo. Ordningen er et vigtigt socialt sikkerhedsnet, "
            "men den kræver et tæt samarbejde, hvis afdelingerne skal forblive i balance."
        ),
        "body": (
            "<p>Det kan være en kvinde, der er flygtet fra en voldelig partner, en familie, der "
            "er blevet sat ud, eller en ung, der er for gammel til at bo på en institution. "
            "Fælles for dem er, at de har brug for en bolig, og at de ikke kan vente i årevis "
            "på en venteliste.</p>"
            "<p>Her spiller den kommunale anvisningsret en central rolle. Kommunerne kan anvise "
            "op til hver fjerde ledige almene familiebolig til borgere med et akut boligbehov, "
            "og for mange er det vejen til et nyt og mere stabilt liv.</p>"
            "<h2>Et vigtigt sikkerhedsnet</h2>"
            "<p>Ordningen er en af grundpillerne i samarbejdet mellem kommuner og "
            "boligorganisationer. Den sikrer, at de mest udsatte borgere har en reel mulighed "
            "for at få en bolig, og den afspejler den almene sektors opgave med at have plads "
            "til alle.</p>"
            "<p>„Uden anvisningen ville vi stå med mennesker, som vi simpelthen ikke kunne "
            "hjælpe. Det er et af de vigtigste redskaber, vi har,“ siger Maria Rosendahl, der "
            "er leder af boliganvisningen i en kommune i Østjylland.</p>"
            "<h2>Balance i afdelingerne</h2>"
            "<p>Men anvisningen kræver, at der bliver holdt øje med balancen. Hvis mange af de "
            "anviste beboere havner i de samme afdelinger, kan det lægge et pres på "
            "fællesskabet og på de boligsociale medarbejdere.</p>"
            "<p>„Det er ikke de anviste beboere, der er problemet. De fleste bliver gode "
            "naboer. Men hvis vi i en enkelt opgang får flere familier med store problemer på "
            "én gang, kan det blive svært for alle,“ siger boligsocial medarbejder Niklas "
            "Birch. Flere kommuner og boligorganisationer har derfor indgået aftaler om, "
            "hvordan anvisningen skal fungere i praksis. Typisk indeholder de:</p>"
            "<ul><li>En fordeling af de anviste boliger på tværs af afdelinger</li><li>Faste "
            "kontaktpersoner hos både kommune og boligorganisation</li><li>Aftaler om støtte "
            "til beboere, der har brug for det</li><li>Løbende opfølgning på, hvordan det går i "
            "afdelingerne</li></ul>"
            '<blockquote class="pull-quote"><p>Det er ikke de anviste beboere, der er '
            'problemet. De fleste bliver gode naboer.</p><p class="attribution">Niklas Birch, '
            "boligsocial medarbejder</p></blockquote>"
            "<h2>Tillid på begge sider</h2>"
            "<p>Ifølge Maria Rosendahl handler et godt samarbejde i høj grad om tillid. "
            "Kommunen skal kunne stole på, at boligorganisationen tager imod de borgere, der "
            "har brug for en bolig. Og boligorganisationen skal kunne stole på, at kommunen "
            "følger op, hvis der opstår problemer. „Det værste er, når vi anviser en familie og "
            "så glemmer dem. Vi har et ansvar, også efter at de har fået nøglen,“ siger "
            "hun.</p>"
            "<p>I flere af de aftaler, der er indgået, er der sat et fast møde i kalenderen "
            "hvert kvartal, hvor kommune og boligorganisation gennemgår de anviste boliger og "
            "drøfter eventuelle udfordringer. Det har ifølge begge parter gjort det lettere at "
            "handle, før små problemer vokser sig store.</p>"
        ),
        "hero_alt": (
            "En sagsbehandler og en ung mor med barnevogn står foran en opgang i en boligblok "
            "med et sæt nøgler"
        ),
        "hero_caption": (
            "Gennem den kommunale anvisning får familier i krise hurtigt et sted at bo."
        ),
        "hero_credit": "Camilla Thygesen",
    },
    {
        "title": (
            "Efter kommunalvalget: Boligorganisationerne er klar med en ønskeseddel til byrådene"
        ),
        "section": "boligpolitik",
        "authors": ["mette-kjaergaard-holm"],
        "tags": ["Kommunesamarbejde", "Nybyggeri", "Klimatilpasning", "Tilgængelighed"],
        "lead": (
            "Nye byråd betyder nye muligheder for samarbejde. Vi har spurgt en række "
            "boligorganisationer, hvad de håber, at de nyvalgte politikere vil prioritere i de "
            "kommende fire år. Grunde, klimasikring og tilgængelige boliger står øverst."
        ),
        "body": (
            "<p>Når et nyt byråd træder sammen, er der mange, der står i kø med ønsker og "
            "forslag. De almene boligorganisationer er ingen undtagelse. De er en af "
            "kommunernes vigtigste samarbejdspartnere, når det gælder boliger, integration, "
            "klima og sociale indsatser, og de vil gerne være med fra starten.</p>"
            "<p>Vi har talt med direktører og formænd i seks boligorganisationer rundt om i "
            "landet om, hvad de håber på fra de nye byråd. Svarene er forskellige, men nogle "
            "temaer går igen.</p>"
            "<h2>Grunde og planlægning</h2>"
            "<p>Det mest udbredte ønske handler om nybyggeri. Mange boligorganisationer "
            "oplever, at det er svært at finde grunde, og de håber, at de nye byråd vil bruge "
            "planloven aktivt til at sikre plads til almene boliger.</p>"
            "<p>„Vi vil gerne bygge, og vi har kapaciteten. Men vi har brug for, at kommunen "
            "tænker os ind fra starten, når der laves nye lokalplaner. Det er ofte for sent, "
            "når planerne allerede er lagt,“ siger direktør Henrik Solgaard fra en "
            "boligorganisation i Nordjylland. Boligorganisationernes ønsker til de nye byråd "
            "lyder blandt andet:</p>"
            "<ul><li>Almene boliger som fast del af nye lokalplaner</li><li>Samarbejde om "
            "klimatilpasning og regnvandshåndtering</li><li>Flere tilgængelige boliger til "
            "ældre og borgere med handicap</li><li>Faste partnerskaber om beskæftigelse og "
            "boligsociale indsatser</li></ul>"
            '<blockquote class="pull-quote"><p>Vi har brug for, at kommunen tænker os '
            'ind fra starten, når der laves nye lokalplaner.</p><p class="attribution">Henrik '
            "Solgaard, direktør i en boligorganisation i Nordjylland</p></blockquote>"
            "<h2>Klimaet kræver samarbejde</h2>"
            "<p>Et andet tema er klimatilpasning. Skybrud og stigende grundvand udfordrer mange "
            "boligområder, og løsningerne kræver ofte samarbejde med både kommunen og "
            "forsyningsselskabet, fordi vandet ikke stopper ved matrikelgrænsen.</p>"
            "<p>„Vi kan lave regnbede og forsinkelsesbassiner på vores egne arealer. Men hvis "
            "kloakken i vejen ikke kan tage vandet, hjælper det ikke meget. Det kræver en "
            "fælles plan,“ siger formand Rikke Dalsgaard fra en boligorganisation på Fyn.</p>"
            "<h2>Flere ældre, flere behov</h2>"
            "<p>Endelig peger flere på, at antallet af ældre borgere vokser, og at der er brug "
            "for flere boliger, som er egnede til et liv med rollator eller kørestol. Her kan "
            "den almene sektor spille en stor rolle, men det kræver, at kommunerne er med til "
            "at planlægge og finansiere.</p>"
            "<p>„Der bliver brug for mange flere ældreboliger i de kommende år. Hvis vi "
            "begynder at planlægge nu, kan vi nå det. Hvis vi venter, står vi med en krise om "
            "ti år,“ siger Henrik Solgaard. Fælles for boligorganisationerne er ønsket om en "
            "tidlig og løbende dialog. Flere har allerede inviteret de nye udvalgsformænd på "
            "besøg i boligområderne.</p>"
        ),
        "hero_alt": (
            "Et byrådsmøde set fra tilhørerpladserne med politikere ved et langt bord og flag i "
            "baggrunden"
        ),
        "hero_caption": (
            "Mange af de nyvalgte byrådsmedlemmer skal for første gang forholde sig til den "
            "almene boligsektor."
        ),
        "hero_credit": "Johan Skovlund",
    },
    {
        "title": "Fællesspisning hver torsdag fik Inger ud af ensomheden",
        "section": "faellesskaber",
        "authors": ["amalie-frost-bech"],
        "tags": ["Ensomhed", "Ældre", "Frivillige", "Fællesarealer"],
        "lead": (
            "Efter at hendes mand døde, sad Inger Bak alene i sin lejlighed i Hvidovre i næsten "
            "to år. I dag er hun en af de faste kræfter bag afdelingens fællesspisning, som "
            "hver torsdag samler over 40 beboere."
        ),
        "body": (
            "<p>Der er knapt nok plads ved bordene, da klokken slår halv seks i fælleshuset. "
            "Nogle har taget deres børnebørn med, andre sidder alene og venter på, at naboen "
            "kommer. Duften af hjemmelavet suppe fylder lokalet, og bag disken står 76-årige "
            "Inger Bak med en stor grydeske.</p>"
            "<p>For tre år siden ville det have været utænkeligt. Dengang sad Inger Bak alene i "
            "sin lejlighed på tredje sal, og der kunne gå dage, uden at hun talte med "
            "nogen.</p>"
            "<h2>Et bank på døren</h2>"
            "<p>„Da min mand døde, gik jeg helt i stå. Jeg orkede ikke at tage telefonen, og "
            "jeg gik kun ned for at handle. Jeg tror ikke, naboerne vidste, at jeg "
            "eksisterede,“ siger Inger Bak. Det ændrede sig, da en af afdelingens frivillige "
            "bankede på døren med en invitation til fællesspisning. Inger Bak takkede nej "
            "første gang, og anden gang. Tredje gang sagde hun ja, mest for at være høflig.</p>"
            "<p>„Jeg sad helt ude i hjørnet og sagde ikke noget. Men der var en dame, der satte "
            "sig ved siden af mig og spurgte, om jeg ville have mere kaffe. Hun kom fra samme "
            "by som mig, og så talte vi i to timer,“ fortæller hun.</p>"
            "<h2>Ensomhed er usynlig</h2>"
            "<p>Ensomhed er et udbredt problem, også i de almene boligområder, hvor mange ældre "
            "bor alene. Problemet er, at det ofte ikke kan ses udefra, og at dem, der er "
            "ensomme, sjældent selv råber op. Derfor har de frivillige i afdelingen valgt en "
            "opsøgende tilgang. De har blandt andet:</p>"
            "<ul><li>Lagt invitationer i alle postkasser hver måned</li><li>Banket på hos "
            "beboere, som driften eller naboerne er bekymrede for</li><li>Tilbudt at følge nye "
            "gæster fra døren til fælleshuset</li><li>Holdt prisen nede, så alle har råd til at "
            "være med</li></ul>"
            '<blockquote class="pull-quote"><p>Jeg tror ikke, naboerne vidste, at jeg '
            'eksisterede.</p><p class="attribution">Inger Bak, beboer og '
            "frivillig</p></blockquote>"
            "<h2>Fra gæst til frivillig</h2>"
            "<p>Efter et halvt år som gæst spurgte en af de frivillige, om Inger Bak ville "
            "hjælpe i køkkenet. I dag har hun ansvaret for suppen hver torsdag, og hun er med "
            "til at planlægge menuen.</p>"
            "<p>„Det har givet mig et formål. Jeg ved, at der er nogen, der regner med mig, og "
            "at der er nogen, der spørger efter mig, hvis jeg ikke kommer,“ siger hun. "
            "Afdelingsbestyrelsen støtter fællesspisningen med et mindre beløb om året, og "
            "afdelingen har stillet fælleshuset gratis til rådighed. Resten klares af de "
            "frivillige og de tyve kroner, hver gæst betaler for maden.</p>"
            "<p>Tovholder Kamal Haidari, som startede fællesspisningen, siger, at Inger Bak er "
            "et godt eksempel på, hvorfor det er værd at banke på. „Vi ved aldrig, hvem der "
            "sidder bag døren. Men vi ved, at et enkelt bank på kan ændre et liv,“ siger "
            "han.</p>"
        ),
        "hero_alt": (
            "En ældre kvinde med forklæde skænker suppe op til beboere ved et langt bord i et "
            "fælleshus"
        ),
        "hero_caption": (
            "Inger Bak står for suppen hver torsdag. Det er blevet hendes faste holdepunkt i ugen."
        ),
        "hero_credit": "Nadia Hjort Simonsen",
    },
    {
        "title": "Lektiecafé i kælderen: Frivillige hjælper 60 børn med matematik og dansk",
        "section": "faellesskaber",
        "authors": ["nadia-hjort-simonsen"],
        "tags": ["Børn og familier", "Frivillige", "Boligsociale indsatser", "Trivsel"],
        "lead": (
            "Fire eftermiddage om ugen summer et ombygget kælderlokale i Aalborg Øst af brøker, "
            "stile og staveord. Lektiecaféen drives af frivillige – pensionister, studerende og "
            "tidligere elever – og har flere børn på listen end nogensinde."
        ),
        "body": (
            "<p>Det er svært at forestille sig, at lokalet engang var et pulterrum. I dag er "
            "væggene malet i lyse farver, der hænger verdenskort og tabeller på væggene, og ved "
            "bordene sidder børn i alle aldre bøjet over hæfter og computere. Lektiecaféen i "
            "afdelingen Humlehaven i Aalborg Øst har eksisteret i seks år. Den startede med "
            "fire børn og to frivillige. I dag kommer omkring 60 børn fast, og der er 15 "
            "frivillige tilknyttet.</p>"
            "<h2>Hjælp, som forældrene ikke kan give</h2>"
            "<p>Mange af børnene i lektiecaféen har forældre, der gerne vil hjælpe med "
            "lektierne, men som ikke har mulighed for det. Nogle taler ikke dansk godt nok, "
            "andre arbejder sent, og andre har selv haft svært ved skolen.</p>"
            "<p>„Min mor siger altid, at jeg skal gøre mine lektier. Men hun kan ikke hjælpe "
            "mig med matematik, for hun har lært det på en anden måde. Her er der altid nogen, "
            "der kan forklare det,“ siger Yusuf, der går i 6. klasse. De frivillige er en "
            "blandet flok:</p>"
            "<ul><li>Pensionerede lærere og ingeniører fra området</li><li>Studerende fra "
            "universitetet og professionshøjskolen</li><li>Tidligere elever fra lektiecaféen, "
            "som nu går på gymnasiet</li></ul>"
            '<blockquote class="pull-quote"><p>Her er der altid nogen, der kan forklare '
            'det.</p><p class="attribution">Yusuf, elev i 6. klasse</p></blockquote>'
            "<h2>Fra elev til hjælper</h2>"
            "<p>En af de tidligere elever er 17-årige Amina Farah, der i dag går i 2.g. Hun kom "
            "i lektiecaféen fra 3. klasse, og nu hjælper hun selv de yngste børn to gange om "
            "ugen. „Jeg ved, hvor meget det betød for mig. Uden lektiecaféen var jeg nok ikke "
            "kommet på gymnasiet. Nu vil jeg gerne give noget tilbage,“ siger Amina Farah.</p>"
            "<p>Lektiecaféen er en del af den boligsociale indsats i området og støttes af "
            "boligorganisationen, men den drives af de frivillige. Koordinator Birgit "
            "Holmsgaard, der selv er pensioneret skolelærer, står for at få det hele til at "
            "hænge sammen.</p>"
            "<p>„Det handler ikke kun om lektier. Det handler om, at børnene får en voksen, der "
            "tror på dem. Mange af dem har aldrig oplevet, at nogen har sat sig ned og sagt: Du "
            "kan godt,“ siger hun.</p>"
            "<h2>Brug for flere frivillige</h2>"
            "<p>Den store efterspørgsel betyder, at lektiecaféen har brug for flere frivillige. "
            "Især matematik og naturfag er der mangel på hjælpere til, og der er venteliste for "
            "de ældste elever. Skolen i området har registreret, at de børn, der kommer fast i "
            "lektiecaféen, generelt klarer sig bedre. Det er svært at sige præcis, hvad der "
            "skyldes lektiecaféen, men lærerne er ikke i tvivl om, at den gør en forskel.</p>"
            "<p>Børnene selv er heller ikke i tvivl. Da vi spørger, hvad det bedste ved "
            "lektiecaféen er, svarer en pige fra 4. klasse uden at tøve: „Det er, at der altid "
            "er kage om onsdagen,“ siger hun og griner.</p>"
        ),
        "hero_alt": (
            "En pensioneret lærer forklarer brøker til to skolebørn ved et bord fyldt med "
            "hæfter og blyanter"
        ),
        "hero_caption": (
            "Lektiecaféen har til huse i et tidligere pulterrum, som beboerne selv har sat i stand."
        ),
        "hero_credit": "Nadia Hjort Simonsen",
    },
    {
        "title": "Unge beboere går nattevandring i deres eget boligområde",
        "section": "faellesskaber",
        "authors": ["line-overgaard-moeller"],
        "tags": ["Unge", "Tryghed", "Frivillige", "Boligsociale indsatser"],
        "lead": (
            "Hver fredag og lørdag aften går en gruppe unge rundt i deres boligområde i "
            "Høje-Taastrup i gule veste. De vil vise, at unge ikke kun er et problem, men også "
            "en del af løsningen."
        ),
        "body": (
            "<p>Det er fredag aften, og klokken har lige passeret ti. På parkeringspladsen "
            "foran beboerhuset trækker fem unge de gule veste over hovedet og får de sidste "
            "instrukser fra koordinatoren. Så går de ud i mørket. De unge er nattevandrere i "
            "deres eget boligområde i Høje-Taastrup. Den yngste er 18, den ældste 24, og de har "
            "alle boet i området det meste af deres liv.</p>"
            "<h2>At være der for de yngre</h2>"
            "<p>Nattevandrerne skal ikke agere politi. Deres opgave er at være til stede, tale "
            "med dem, de møder, og hjælpe, hvis nogen har brug for det. Det kan være en beruset "
            "person, der ikke kan finde hjem, eller en gruppe yngre drenge, der er ved at komme "
            "i problemer.</p>"
            "<p>„De yngre kender os. Vi har gået i den samme skole og spillet fodbold på den "
            "samme bane. Når vi siger, at de skal gå hjem, så lytter de. Det gør de ikke altid, "
            "når det er voksne, de ikke kender,“ siger 21-årige Ibrahim Çelik, der har været "
            "nattevandrer i to år. En typisk vagt indeholder:</p>"
            "<ul><li>Fast rute gennem området med stop ved de kendte "
            "samlingssteder</li><li>Samtaler med unge og voksne, de møder "
            "undervejs</li><li>Hjælp til beboere, der er faret vild eller har brug for en "
            "hånd</li><li>Besked til driften om ødelagt belysning eller hærværk</li></ul>"
            '<blockquote class="pull-quote"><p>De yngre kender os. Når vi siger, at de '
            'skal gå hjem, så lytter de.</p><p class="attribution">Ibrahim Çelik, '
            "nattevandrer</p></blockquote>"
            "<h2>En anden fortælling om unge</h2>"
            "<p>For mange af nattevandrerne handler det også om at ændre den fortælling, der "
            "ofte er om unge i boligområderne.</p>"
            "<p>„Når der står noget om vores område i avisen, handler det næsten altid om uro. "
            "Men de fleste unge her går i skole, har arbejde og passer sig selv. Det vil vi "
            "gerne vise,“ siger 19-årige Sara Hussein, der er en af de få piger i gruppen.</p>"
            "<p>Indsatsen er en del af den boligsociale helhedsplan og organiseres i samarbejde "
            "med en lokal forening. De unge får et kursus i førstehjælp og konfliktnedtrapning, "
            "inden de går deres første vagt.</p>"
            "<h2>Færre henvendelser til driften</h2>"
            "<p>Ifølge boligorganisationen er der sket et mærkbart fald i antallet af "
            "henvendelser om uro og hærværk, efter at nattevandringen blev startet. Det er ikke "
            "kun nattevandrernes fortjeneste, understreger boligsocial leder Klaus Bertelsen, "
            "men de er en vigtig brik.</p>"
            "<p>„Tryghed skabes ikke kun af kameraer og lys. Den skabes af mennesker, der "
            "kender hinanden og tager ansvar. Og de her unge mennesker tager et stort ansvar,“ "
            "siger han. For nattevandrerne selv har det også givet noget. Flere fortæller, at "
            "de er blevet bedre til at tale med mennesker, og at erfaringen har hjulpet dem, "
            "når de har søgt job.</p>"
        ),
        "hero_alt": "Tre unge i gule veste går på en oplyst sti mellem boligblokke en mørk aften",
        "hero_caption": (
            "Nattevandrerne går altid mindst tre sammen og har kontakt til en voksen "
            "koordinator under hele vagten."
        ),
        "hero_credit": "Rasmus Egeberg",
    },
    {
        "title": "Sundhedscaféen er flyttet ind i beboerhuset",
        "section": "faellesskaber",
        "authors": ["line-overgaard-moeller", "amalie-frost-bech"],
        "tags": ["Sundhed", "Kommunesamarbejde", "Ældre", "Trivsel"],
        "lead": (
            "Blodtryksmåling, snak om kost og en kop kaffe. I et boligområde i Sønderborg har "
            "kommunens sundhedsmedarbejdere rykket ud i beboerhuset. Det har fået beboere, der "
            "ellers aldrig går til lægen, til at kigge forbi."
        ),
        "body": (
            "<p>På bordet står en termokande med kaffe, en skål med frugt og et "
            "blodtryksapparat. Det er tirsdag formiddag i beboerhuset i et boligområde i "
            "Sønderborg, og sundhedscaféen har lige åbnet. Allerede inden klokken ti er der kø. "
            "Sundhedscaféen er et samarbejde mellem boligorganisationen og kommunens "
            "sundhedsafdeling. Hver uge kommer en sygeplejerske og en sundhedsformidler til "
            "beboerhuset og tilbyder alt fra blodtryksmåling til en snak om søvn, kost og "
            "motion.</p>"
            "<h2>Sundheden skal tættere på</h2>"
            "<p>Idéen opstod, fordi kommunen kunne se, at beboerne i området sjældnere deltog i "
            "kommunens sundhedstilbud end andre borgere. Samtidig viste tal fra kommunen, at "
            "flere beboere havde kroniske sygdomme som diabetes og forhøjet blodtryk.</p>"
            "<p>„Vi kunne se, at vores tilbud ikke nåede ud til dem, der havde mest brug for "
            "dem. Så i stedet for at vente på, at folk kom til os, besluttede vi at tage ud til "
            "dem,“ siger sygeplejerske Helene Ravn, der står for sundhedscaféen. Sundhedscaféen "
            "tilbyder blandt andet:</p>"
            "<ul><li>Måling af blodtryk, blodsukker og vægt</li><li>Samtaler om kost, søvn, "
            "rygning og motion</li><li>Hjælp til at forstå breve fra sygehus og "
            "læge</li><li>Henvisning til kommunens øvrige sundhedstilbud</li></ul>"
            '<blockquote class="pull-quote"><p>I stedet for at vente på, at folk kom '
            'til os, besluttede vi at tage ud til dem.</p><p class="attribution">Helene Ravn, '
            "sygeplejerske i sundhedscaféen</p></blockquote>"
            "<h2>Tillid er nøglen</h2>"
            "<p>Det, der gør forskellen, er ifølge Helene Ravn, at beboerne møder "
            "sundhedspersonalet i trygge og velkendte omgivelser. For mange er det lettere at "
            "stille spørgsmål over en kop kaffe i beboerhuset end på et hvidt kontor på "
            "rådhuset.</p>"
            "<p>„Jeg har ikke været hos lægen i syv år. Jeg kunne ikke lide det. Men her er det "
            "ligesom at komme og få en snak. Og så fandt de ud af, at mit blodtryk var alt for "
            "højt,“ siger 67-årige Bent Kristensen, som nu er i behandling.</p>"
            "<p>De boligsociale medarbejdere spiller også en rolle. De kender beboerne og kan "
            "opfordre dem til at kigge forbi, og de kan hjælpe med at følge op, hvis der er "
            "brug for det.</p>"
            "<h2>Fællesskab og motion</h2>"
            "<p>Sundhedscaféen er også blevet et socialt mødested. Flere af de faste gæster er "
            "begyndt at gå ture sammen efter caféen, og der er dannet en gåklub, som mødes to "
            "gange om ugen.</p>"
            "<p>„Det handler ikke kun om blodtryk. Det handler om at have nogen at gå med og "
            "nogen at tale med. Det er også sundhed,“ siger Helene Ravn. Kommunen overvejer nu "
            "at åbne lignende caféer i andre boligområder. Erfaringerne fra Sønderborg skal "
            "danne grundlag for en model, der kan bruges andre steder.</p>"
        ),
        "hero_alt": (
            "En sygeplejerske måler blodtryk på en ældre mand ved et bord i et beboerhus med "
            "kaffekopper"
        ),
        "hero_caption": (
            "Sundhedscaféen holder åbent hver tirsdag formiddag, og der er ingen tidsbestilling."
        ),
        "hero_credit": "Ida Marie Bjerre",
    },
    {
        "title": "Fritidsjob i boligområdet giver unge i Brabrand fodfæste på arbejdsmarkedet",
        "section": "faellesskaber",
        "authors": ["nadia-hjort-simonsen"],
        "tags": ["Beskæftigelse", "Unge", "Boligsociale indsatser", "Helhedsplaner"],
        "lead": (
            "Over 80 unge har det seneste år fået deres første fritidsjob gennem den "
            "boligsociale helhedsplan i Brabrand. Jobbene spænder fra græsslåning til "
            "kassearbejde, og for mange er det starten på noget større."
        ),
        "body": (
            "<p>Græsset skal slås, og bladene skal rives. Det er ikke det mest glamourøse job, "
            "men for 15-årige Omar er det hans første, og han er stolt af det. To eftermiddage "
            "om ugen arbejder han sammen med driftsholdet i sit eget boligområde i "
            "Brabrand.</p>"
            "<p>„Jeg tjener mine egne penge, og jeg lærer noget. Min far siger, at jeg er "
            "blevet meget bedre til at stå op om morgenen,“ siger Omar og smiler. Omar er en af "
            "over 80 unge, der det seneste år har fået et fritidsjob gennem den boligsociale "
            "helhedsplan i området.</p>"
            "<h2>En fod inden for</h2>"
            "<p>For mange unge er det første job det sværeste at få. Det kræver, at man kender "
            "nogen, der kan anbefale en, eller at man ved, hvordan man skriver en ansøgning og "
            "klarer sig til en samtale. Det har ikke alle unge i boligområderne adgang til.</p>"
            "<p>„Mange af de unge her har forældre, der ikke selv har et netværk på "
            "arbejdsmarkedet. Så de har ikke en onkel, der kan skaffe dem et job i "
            "supermarkedet. Det er det, vi prøver at være,“ siger fritidsjobkoordinator Mads "
            "Kirkegaard. Koordinatoren hjælper de unge på flere måder:</p>"
            "<ul><li>Skriver ansøgninger og CV sammen med de unge</li><li>Øver jobsamtaler og "
            "taler om forventninger på en arbejdsplads</li><li>Skaber kontakt til lokale "
            "virksomheder og butikker</li><li>Følger op med både den unge og arbejdsgiveren de "
            "første måneder</li></ul>"
            '<blockquote class="pull-quote"><p>De har ikke en onkel, der kan skaffe dem '
            "et job i supermarkedet. Det er det, vi prøver at "
            'være.</p><p class="attribution">Mads Kirkegaard, '
            "fritidsjobkoordinator</p></blockquote>"
            "<h2>Virksomhederne er med</h2>"
            "<p>Ud over boligorganisationens egen drift har en lang række lokale virksomheder "
            "taget unge i fritidsjob. Det gælder supermarkeder, en cykelhandler, et bageri og "
            "en sportsforening.</p>"
            "<p>„Vi var lidt usikre i starten, fordi de unge var så unge. Men de er mødt "
            "stabilt op, og flere af dem er blevet hos os i flere år. En af vores første "
            "fritidsjobbere er i dag elev hos os,“ siger butikschef Dorte Vinding fra et "
            "supermarked i området.</p>"
            "<h2>Mere end et job</h2>"
            "<p>Erfaringerne viser, at et fritidsjob giver mere end lommepenge. De unge lærer "
            "at møde til tiden, samarbejde med kolleger og tage imod en besked. Det er "
            "kompetencer, der kan gøre det lettere at gennemføre en uddannelse og senere finde "
            "fast arbejde.</p>"
            "<p>Samtidig oplever boligorganisationen, at de unge, der arbejder i driften, "
            "begynder at se anderledes på deres boligområde. „Når man selv har samlet skrald op "
            "på legepladsen, smider man det ikke selv. Så enkelt er det,“ siger Mads "
            "Kirkegaard. Helhedsplanen har som mål at hjælpe endnu flere unge i job i de "
            "kommende år, og der er allerede en venteliste af unge, der gerne vil være med.</p>"
        ),
        "hero_alt": (
            "En ung mand i arbejdstøj kører en plæneklipper på et grønt område mellem boligblokke"
        ),
        "hero_caption": (
            "Mange af fritidsjobbene er i boligorganisationens egen drift, hvor de unge "
            "arbejder sammen med erfarne ejendomsfunktionærer."
        ),
        "hero_credit": "Nadia Hjort Simonsen",
    },
    {
        "title": "Nyt seniorbofællesskab: Her passer naboerne på hinanden",
        "section": "faellesskaber",
        "authors": ["amalie-frost-bech"],
        "tags": ["Ældre", "Ensomhed", "Nybyggeri", "Fællesarealer"],
        "lead": (
            "I et nyt alment seniorbofællesskab i Horsens har 24 beboere over 60 år hver deres "
            "lejlighed, men deler fælleshus, have og hverdag. Ventelisten er lang, og "
            "boligorganisationen overvejer allerede at bygge flere."
        ),
        "body": (
            "<p>Det er formiddag, og på terrassen foran fælleshuset sidder en håndfuld beboere "
            "med kaffe og rundstykker. Snakken går om vejret, om børnebørnene og om, hvem der "
            "skal have ansvaret for drivhuset til foråret.</p>"
            "<p>Seniorbofællesskabet i Horsens blev taget i brug for halvandet år siden. Det "
            "består af 24 lejligheder i to etager, et fælleshus med køkken og værksted og en "
            "stor have med højbede og drivhus. Alle beboere er over 60 år, og de fleste bor "
            "alene.</p>"
            "<h2>Valgte fællesskabet til</h2>"
            "<p>For mange af beboerne var ønsket om fællesskab den vigtigste grund til at "
            "flytte ind.</p>"
            "<p>„Jeg boede i et parcelhus i 30 år, og da min kone døde, blev det meget stille. "
            "Jeg vidste, at jeg ikke ville sidde alene i et stort hus og vente på, at tiden "
            "gik. Her har jeg mit eget, men jeg har også altid nogen at tale med,“ siger "
            "74-årige Holger Riis. Bofællesskabet er bygget op om nogle få, enkle "
            "principper:</p>"
            "<ul><li>Alle har deres egen lejlighed med eget køkken og bad</li><li>Fællesskabet "
            "er frivilligt, men alle hjælper med de fælles opgaver</li><li>Beboerne mødes til "
            "fællesspisning to gange om ugen</li><li>Der holdes husmøde en gang om "
            "måneden</li></ul>"
            '<blockquote class="pull-quote"><p>Her har jeg mit eget, men jeg har også '
            'altid nogen at tale med.</p><p class="attribution">Holger Riis, beboer i '
            "seniorbofællesskabet</p></blockquote>"
            "<h2>Passer på, men blander sig ikke</h2>"
            "<p>Et af de vigtigste principper er, at beboerne passer på hinanden uden at blande "
            "sig for meget. Hvis en beboer ikke er kommet ud af sin lejlighed i et par dage, "
            "banker en nabo på. Men hvis man har lyst til at være i fred, bliver det også "
            "respekteret.</p>"
            "<p>„Vi er ikke et plejehjem, og vi er ikke en familie. Vi er naboer, der har valgt "
            "at bo tæt. Det kræver, at man respekterer hinandens grænser,“ siger 68-årige Lis "
            "Ebbesen, der er formand for afdelingsbestyrelsen. Hun fortæller, at der har været "
            "uenigheder, blandt andet om hvordan haven skal passes, og om hvor meget der skal "
            "bruges på fællesspisningen. Men konflikterne er blevet løst på husmøderne.</p>"
            "<h2>Lang venteliste</h2>"
            "<p>Interessen for bofællesskabet har været overvældende. Der er i dag over 200 på "
            "ventelisten, og boligorganisationen er i dialog med kommunen om at bygge endnu et. "
            "„Der er mange ældre, der bor alene og gerne vil have mere fællesskab, men som ikke "
            "er klar til eller har brug for en plejebolig. Dem har vi ikke bygget nok til,“ "
            "siger projektchef Bjarne Kjærsgaard fra boligorganisationen.</p>"
            "<p>For Holger Riis er der ingen tvivl om, at han har truffet det rigtige valg. "
            "„Jeg har fået et nyt liv. Det lyder måske højtideligt, men sådan føles det,“ siger "
            "han.</p>"
        ),
        "hero_alt": (
            "En gruppe ældre beboere drikker kaffe på en terrasse foran et fælleshus med "
            "blomsterkasser"
        ),
        "hero_caption": (
            "Beboerne mødes til kaffe på terrassen de fleste formiddage, men ingen er "
            "forpligtet til at deltage."
        ),
        "hero_credit": "Camilla Thygesen",
    },
    {
        "title": "Vilde enge erstatter græsplænerne i boligområderne",
        "section": "groen-omstilling",
        "authors": ["tobias-vang-eriksen", "nadia-hjort-simonsen"],
        "tags": ["Biodiversitet", "Fællesarealer", "Frivillige", "Klimatilpasning"],
        "lead": (
            "Hvor der før var velklippede græsplæner, vokser der nu blåklokker, røllike og "
            "kællingetand. Flere almene afdelinger har lagt en del af deres arealer om til vild "
            "natur, og det har givet både flere insekter og nye fællesskaber."
        ),
        "body": (
            "<p>Det første år var der flere, der klagede. Græsset var for langt, det så rodet "
            "ud, og nogle mente, at driften var holdt op med at passe området. Men da engen i "
            "afdelingen Lindevangen i Ishøj begyndte at blomstre i det andet år, ændrede "
            "stemningen sig.</p>"
            "<p>„Jeg var selv skeptisk. Jeg syntes, det lignede noget, der var glemt. Men nu "
            "går jeg en tur gennem engen hver morgen og ser efter sommerfugle. Det har mit "
            "barnebarn lært mig,“ siger beboer Vagn Thorup.</p>"
            "<h2>Mere liv i boligområdet</h2>"
            "<p>Lindevangen er en af flere almene afdelinger, der har valgt at omlægge en del "
            "af deres græsplæner til blomstereng. Idéen er at give plads til vilde planter og "
            "insekter, som har svært ved at finde føde i et landskab præget af klippet græs og "
            "asfalt.</p>"
            "<p>Biodiversiteten er under pres i hele Danmark, og de almene boligområder råder "
            "over store grønne arealer. Derfor kan de spille en væsentlig rolle, hvis arealerne "
            "bliver forvaltet med naturen for øje.</p>"
            "<p>„Vi har tusindvis af kvadratmeter græs, som ingen bruger. Det er et kæmpe "
            "potentiale. Og det koster ikke meget at lade naturen komme tilbage,“ siger biolog "
            "og naturrådgiver Signe Brøndsted, som har hjulpet flere afdelinger i gang. "
            "Omlægningen følger typisk nogle enkle trin:</p>"
            "<ul><li>Udvælgelse af arealer, der sjældent bruges til leg og "
            "ophold</li><li>Fjernelse af det øverste lag muld, så vilde planter får bedre "
            "vilkår</li><li>Såning af hjemmehørende frøblandinger</li><li>Slåning en eller to "
            "gange om året, hvor det afslåede fjernes</li></ul>"
            '<blockquote class="pull-quote"><p>Vi har tusindvis af kvadratmeter græs, '
            'som ingen bruger. Det er et kæmpe potentiale.</p><p class="attribution">Signe '
            "Brøndsted, biolog og naturrådgiver</p></blockquote>"
            "<h2>Naturen skaber fællesskab</h2>"
            "<p>Engen har ikke kun givet flere insekter. Den har også givet beboerne noget at "
            "samles om. En gruppe frivillige har bygget insekthoteller og opsat fuglekasser, og "
            "om sommeren arrangerer de naturvandringer for børn. „Det er blevet et sted, hvor "
            "man mødes. Der er altid nogen, der står og kigger på en humlebi eller tager "
            "billeder af blomsterne,“ siger Vagn Thorup, der i dag er en af de mest aktive i "
            "naturgruppen.</p>"
            "<h2>Hjælper også mod skybrud</h2>"
            "<p>Der er også en praktisk gevinst. Engen kan optage mere regnvand end en tæt "
            "klippet græsplæne, fordi planterne har dybere rødder og jorden er mere porøs. Det "
            "hjælper, når der kommer skybrud.</p>"
            "<p>Samtidig sparer driften tid, fordi engen kun skal slås få gange om året. Den "
            "tid bliver i stedet brugt på andre opgaver i afdelingen. Afdelingsbestyrelsen i "
            "Lindevangen overvejer nu at omlægge endnu et areal. Denne gang er det beboerne "
            "selv, der har foreslået det.</p>"
        ),
        "hero_alt": (
            "Beboere og børn går langs en slået sti gennem en blomstrende eng mellem to boligblokke"
        ),
        "hero_caption": (
            "Stierne gennem engen slås jævnligt, så beboerne kan gå tæt på blomster og insekter."
        ),
        "hero_credit": "Sofie Kragh",
    },
    {
        "title": "Solceller på taget sænker fællesudgifterne i afdeling i Haderslev",
        "section": "groen-omstilling",
        "authors": ["tobias-vang-eriksen"],
        "tags": ["Solceller", "Huslejer", "CO2-udledning", "Energirenovering"],
        "lead": (
            "Et solcelleanlæg på taget af seks boligblokke dækker nu en stor del af elforbruget "
            "til vaskeri, trappelys og elevatorer. Besparelsen kommer alle beboere til gode, og "
            "anlægget forventes at have tjent sig hjem på få år."
        ),
        "body": (
            "<p>På de flade tage af afdelingen Fjordglimt i Haderslev ligger nu over 600 "
            "solpaneler i lange rækker. Fra gaden kan man ikke se dem, men de kan mærkes i "
            "afdelingens regnskab. Anlægget blev sat op sidste forår, og det første år har det "
            "leveret strøm nok til at dække en stor del af afdelingens fælles elforbrug. Det "
            "gælder blandt andet vaskeriet, lyset i opgange og kældre, elevatorerne og "
            "ventilationen.</p>"
            "<h2>En investering, der betaler sig</h2>"
            "<p>Beslutningen om at sætte solceller op blev truffet på et afdelingsmøde, hvor "
            "beboerne fik fremlagt en beregning over, hvad anlægget ville koste, og hvad det "
            "ville spare. Anlægget blev finansieret med et lån, som betales over huslejen, men "
            "besparelsen på elregningen er større end udgiften til lånet.</p>"
            "<p>„Regnestykket var ret enkelt. Vi betalte i forvejen for strømmen til "
            "fællesarealerne over huslejen. Nu producerer vi en stor del af den selv, og det er "
            "billigere,“ siger afdelingsformand Jørgen Tofte. Ifølge boligorganisationens "
            "beregninger vil anlægget have tjent sig hjem i løbet af få år, hvorefter "
            "besparelsen går direkte i afdelingens kasse. Anlægget i Fjordglimt i tal:</p>"
            "<ul><li>Over 600 solpaneler fordelt på seks tage</li><li>Dækker en stor del af det "
            "fælles elforbrug i afdelingen</li><li>Forventet levetid på mindst 25 "
            "år</li><li>Overskudsstrøm sælges til elnettet</li></ul>"
            '<blockquote class="pull-quote"><p>Vi betalte i forvejen for strømmen til '
            "fællesarealerne over huslejen. Nu producerer vi en stor del af den "
            'selv.</p><p class="attribution">Jørgen Tofte, afdelingsformand i '
            "Fjordglimt</p></blockquote>"
            "<h2>Mindre CO2</h2>"
            "<p>Ud over den økonomiske gevinst betyder anlægget, at afdelingen bruger mindre "
            "strøm fra nettet og dermed udleder mindre CO2. Det passer fint ind i "
            "boligorganisationens klimastrategi, som sigter mod at reducere udledningen fra "
            "både drift og byggeri.</p>"
            "<p>„Solceller er ikke svaret på alt. Men det er en af de mest konkrete ting, en "
            "afdeling kan gøre. Og det er let at forklare beboerne, hvad det betyder,“ siger "
            "energikonsulent Anders Bækgaard fra boligorganisationen.</p>"
            "<h2>Kan bruges mange steder</h2>"
            "<p>Ikke alle afdelinger har tage, der er egnede til solceller. Tagene skal kunne "
            "bære vægten, de skal vende rigtigt, og de må ikke stå over for en snarlig "
            "udskiftning. Men boligorganisationen har gennemgået sine afdelinger og fundet "
            "flere, hvor et anlæg vil kunne betale sig.</p>"
            "<p>„Vi har fået henvendelser fra flere afdelingsbestyrelser, der har hørt om "
            "Fjordglimt. Det er den bedste reklame, man kan få,“ siger Anders Bækgaard. For "
            "Jørgen Tofte er der også en anden gevinst. Han oplever, at beboerne er blevet mere "
            "interesserede i deres eget energiforbrug, efter at anlægget kom op.</p>"
            "<p>„Folk går og kigger på skærmen i vaskeriet, hvor man kan se, hvor meget vi "
            "producerer. Det er næsten blevet en sport,“ siger han.</p>"
        ),
        "hero_alt": (
            "Rækker af solpaneler på et fladt tag med udsigt over en by og en fjord i baggrunden"
        ),
        "hero_caption": "Solcellerne er placeret på de flade tage, hvor de ikke kan ses fra gaden.",
        "hero_credit": "Johan Skovlund",
    },
    {
        "title": (
            "Ti fraktioner og ingen sure miner: Sådan fik afdelingen alle med på affaldssorteringen"
        ),
        "section": "groen-omstilling",
        "authors": ["amalie-frost-bech"],
        "tags": ["Affaldssortering", "Drift", "Beboerdemokrati", "Fællesarealer"],
        "lead": (
            "Da kravet om affaldssortering i ti fraktioner kom, frygtede afdelingsbestyrelsen i "
            "en afdeling i Kolding kaos og fyldte containere. I dag er sorteringen blandt de "
            "bedste i kommunen. Vi har spurgt, hvordan de gjorde."
        ),
        "body": (
            "<p>Madaffald, papir, pap, glas, metal, plast, mad- og drikkekartoner, tekstiler, "
            "farligt affald og restaffald. Det er de ti fraktioner, som danskerne i dag skal "
            "sortere deres affald i. For mange almene afdelinger har det været en stor "
            "omstilling, fordi det kræver plads, nye containere og ændrede vaner hos hundredvis "
            "af beboere.</p>"
            "<p>I afdelingen Skovvangen i Kolding var afdelingsbestyrelsen bekymret. Det gamle "
            "affaldsrum var allerede for lille, og der var ofte problemer med affald, der blev "
            "stillet ved siden af containerne.</p>"
            "<h2>Beboerne var med fra starten</h2>"
            "<p>I stedet for at lade driften bestemme det hele inviterede afdelingsbestyrelsen "
            "beboerne til et temamøde om affald. Her kunne de komme med forslag til, hvor de "
            "nye affaldsøer skulle ligge, og hvordan de skulle se ud.</p>"
            "<p>„Vi vidste, at det ville gå galt, hvis folk følte, at det var noget, der blev "
            "trukket ned over hovedet på dem. Så vi spurgte dem, og det viste sig, at de havde "
            "mange gode idéer,“ siger afdelingsformand Gitte Mortensen. Resultatet blev fire "
            "nye, overdækkede affaldsøer placeret tæt på opgangene. Beboerne foreslog blandt "
            "andet:</p>"
            "<ul><li>Skilte med billeder frem for tekst, så alle kan forstå dem</li><li>Små "
            "sorteringsspande til køkkenet, udleveret gratis</li><li>Bedre lys i affaldsøerne, "
            "så de føles trygge om aftenen</li><li>En fast dag, hvor driften tømmer for "
            "storskrald</li></ul>"
            '<blockquote class="pull-quote"><p>Vi vidste, at det ville gå galt, hvis '
            "folk følte, at det var noget, der blev trukket ned over hovedet på "
            'dem.</p><p class="attribution">Gitte Mortensen, afdelingsformand i '
            "Skovvangen</p></blockquote>"
            "<h2>Affaldsambassadører i opgangene</h2>"
            "<p>For at hjælpe beboerne i gang har afdelingen fået en række frivillige "
            "affaldsambassadører. Det er beboere, der har lært systemet at kende og kan hjælpe "
            "naboerne med at sortere rigtigt.</p>"
            "<p>„Det er meget lettere at spørge naboen end at ringe til ejendomskontoret. Og så "
            "er det også hyggeligt at få en snak ved containerne,“ siger affaldsambassadør "
            "Mehmet Yilmaz, der bor i en af opgangene.</p>"
            "<h2>Driften mærker forskellen</h2>"
            "<p>For driftsmedarbejderne har den nye ordning betydet mindre tid brugt på at "
            "rydde op omkring containerne. Tidligere brugte de flere timer om ugen på at samle "
            "affald op, der var stillet forkert. I dag er det sjældent.</p>"
            "<p>„Det har været en kæmpe forandring. Folk sorterer, og de passer på "
            "affaldsøerne. Det gør vores arbejde meget lettere,“ siger ejendomsfunktionær Per "
            "Sommer. Kommunen har registreret, at sorteringen i afdelingen er markant bedre end "
            "gennemsnittet i kommunens almene boliger, og afdelingsbestyrelsen er blevet "
            "inviteret til at fortælle om erfaringerne på et møde for andre afdelinger.</p>"
        ),
        "hero_alt": (
            "En beboer smider pap i en container i en overdækket affaldsø med farvede skilte og "
            "piktogrammer"
        ),
        "hero_caption": (
            "Den nye affaldsø har tydelige skilte med billeder, så alle kan se, hvad der skal hvor."
        ),
        "hero_credit": "Mikkel Dahlgaard",
    },
    {
        "title": "Regnvandet får lov at blive: Nyt klimaprojekt giver plads til leg",
        "section": "groen-omstilling",
        "authors": ["sara-vestergaard-nielsen"],
        "tags": ["Klimatilpasning", "Børn og familier", "Byfornyelse", "Biodiversitet"],
        "lead": (
            "Kældre under vand og oversvømmede stier var hverdag, når det regnede kraftigt i en "
            "afdeling i Albertslund. Nu er en stor del af regnvandet ledt ud i et grønt bassin, "
            "der også fungerer som legeplads og naturområde."
        ),
        "body": (
            "<p>Når det regner kraftigt i afdelingen Søbredden i Albertslund, løber vandet nu "
            "ikke længere ned i kældrene. I stedet ledes det gennem åbne render fra tagene og "
            "ud i et stort, grønt bassin midt i boligområdet. Og når solen skinner, er bassinet "
            "fyldt med børn. Projektet er et eksempel på, hvordan klimatilpasning kan tænkes "
            "sammen med leg, natur og fællesskab.</p>"
            "<h2>Fra problem til ressource</h2>"
            "<p>Før projektet blev regnvandet fra tage og belægninger ført direkte ud i "
            "kloakken. Når det regnede meget, kunne kloakken ikke følge med, og vandet stod op "
            "i kældrene og på stierne. Boligorganisationen gik sammen med kommunen og "
            "forsyningsselskabet om at finde en løsning. Resultatet blev et system, hvor "
            "regnvandet håndteres lokalt i åbne render og et forsinkelsesbassin.</p>"
            "<p>„Vi ville ikke bare grave et hul og sætte et hegn om det. Vi ville lave noget, "
            "som beboerne kunne bruge og glæde sig over. Så vi tænkte leg og natur ind fra "
            "starten,“ siger landskabsarkitekt Julie Hammershøj, der har tegnet projektet. "
            "Projektet består blandt andet af:</p>"
            "<ul><li>Åbne render, der leder vandet fra tagene gennem området</li><li>Et stort "
            "bassin med trædestammer, sten og balancebomme</li><li>Siv og fugtelskende planter "
            "langs kanterne</li><li>Bænke og plads til ophold rundt om bassinet</li></ul>"
            '<blockquote class="pull-quote"><p>Vi ville ikke bare grave et hul og sætte '
            "et hegn om det. Vi ville lave noget, som beboerne kunne bruge og glæde sig "
            'over.</p><p class="attribution">Julie Hammershøj, '
            "landskabsarkitekt</p></blockquote>"
            "<h2>Børnene elsker det</h2>"
            "<p>For børnene i afdelingen er bassinet blevet et af de mest populære steder at "
            "lege. Især efter regnvejr, hvor der står vand i bunden, er der mange, der kommer i "
            "gummistøvler.</p>"
            "<p>„Mine børn vil helst ud, når det har regnet. Så løber de rundt i vandet og "
            "fanger haletudser. Det er bedre end nogen legeplads, vi har haft før,“ siger Sofie "
            "Nørgaard, der er mor til to.</p>"
            "<p>Sikkerheden har været et vigtigt tema i planlægningen. Bassinet er lavt, og "
            "kanterne skråner svagt, så børn let kan komme op. Vandet står kun i bassinet i "
            "kort tid efter kraftig regn.</p>"
            "<h2>Mere natur i byen</h2>"
            "<p>Projektet har også givet mere natur i boligområdet. Sivene og de fugtelskende "
            "planter tiltrækker insekter, fugle og frøer, og flere beboere har bemærket, at der "
            "er kommet flere fugle i området. „Vi havde ikke regnet med, at der ville komme "
            "frøer. Men det gjorde der, og nu er der en hel flok børn, der holder øje med dem,“ "
            "siger afdelingsformand Erik Mejlby.</p>"
            "<p>Boligorganisationen vil nu bruge erfaringerne fra Søbredden i andre afdelinger, "
            "hvor der også er problemer med regnvand. Kommunen har udpeget projektet som et "
            "eksempel, den gerne vil vise frem for andre.</p>"
        ),
        "hero_alt": (
            "Børn leger på trædestammer og sten i et tørt regnvandsbassin omgivet af græs og siv"
        ),
        "hero_caption": (
            "Når det er tørvejr, er bassinet en legeplads. Når det regner, fyldes det med vand "
            "fra tagene."
        ),
        "hero_credit": "Rasmus Egeberg",
    },
    {
        "title": "Energiambassadører lærer naboerne at spare på varmen",
        "section": "groen-omstilling",
        "authors": ["tobias-vang-eriksen"],
        "tags": ["Fjernvarme", "Frivillige", "CO2-udledning", "Huslejer"],
        "lead": (
            "I en afdeling i Randers har otte beboere taget et kursus i energi og varme. Nu går "
            "de fra dør til dør og hjælper naboerne med at forstå deres radiatorer og "
            "varmeregning. Det har givet færre efterbetalinger og lavere forbrug."
        ),
        "body": (
            "<p>Hvad betyder tallene på termostaten? Hvorfor er radiatoren kun varm i toppen? "
            "Og hvorfor fik jeg en efterregning på varmen i år? Det er spørgsmål, som "
            "energiambassadørerne i afdelingen Toftegården i Randers hører mange gange om "
            "ugen.</p>"
            "<p>De otte frivillige har alle taget et kursus i energi og varme, som "
            "boligorganisationen har arrangeret i samarbejde med det lokale fjernvarmeselskab. "
            "Nu bruger de deres viden til at hjælpe naboerne.</p>"
            "<h2>Små ændringer, stor effekt</h2>"
            "<p>Mange beboere ved ikke, hvordan de bedst bruger deres radiatorer, og det kan "
            "koste dyrt. En forkert indstillet termostat, møbler foran radiatoren eller "
            "vinduer, der står på klem hele dagen, kan betyde et væsentligt højere forbrug.</p>"
            "<p>„Jeg havde min termostat på fem i alle rum hele vinteren, fordi jeg troede, det "
            "ville gøre det varmere hurtigere. Det gør det ikke. Nu har jeg den på tre, og jeg "
            "fryser ikke mere end før,“ siger beboer Ayşe Demir, som fik besøg af en "
            "energiambassadør i efteråret. Energiambassadørernes bedste råd lyder:</p>"
            "<ul><li>Indstil termostaten på den temperatur, du ønsker, og lad den "
            "være</li><li>Hold radiatorerne fri for møbler og lange gardiner</li><li>Luft ud "
            "kort og effektivt et par gange om dagen</li><li>Hold øje med dit forbrug på "
            "måleren i løbet af året</li></ul>"
            '<blockquote class="pull-quote"><p>Det er lettere at tage imod et råd fra '
            'naboen end fra en, man ikke kender.</p><p class="attribution">Britta Lykke, '
            "energiambassadør i Toftegården</p></blockquote>"
            "<h2>Naboen er den bedste rådgiver</h2>"
            "<p>Boligorganisationen har tidligere sendt informationsmateriale ud om "
            "energibesparelser, men effekten var begrænset. Det har været en anden sag, da "
            "rådene kom fra naboerne. „Det er lettere at tage imod et råd fra naboen end fra "
            "en, man ikke kender. Vi bor her selv, og vi ved, hvordan lejlighederne fungerer,“ "
            "siger energiambassadør Britta Lykke, som er pensioneret elektriker.</p>"
            "<p>Energiambassadørerne har også fundet fejl, som driften ikke kendte til. Det "
            "gælder for eksempel radiatorer, der ikke blev varme på grund af luft i systemet, "
            "og termostater, der var gået i stykker.</p>"
            "<h2>Færre efterbetalinger</h2>"
            "<p>Afdelingen har det seneste år oplevet et fald i varmeforbruget, og antallet af "
            "beboere, der har fået en efterbetaling på varmeregnskabet, er faldet markant.</p>"
            "<p>„For en familie med stram økonomi kan en efterbetaling på et par tusinde kroner "
            "være en katastrofe. Hvis vi kan hjælpe folk med at undgå det, har vi gjort en stor "
            "forskel,“ siger Britta Lykke. Det lavere forbrug betyder også en lavere "
            "CO2-udledning, og boligorganisationen vil nu uddanne energiambassadører i flere "
            "afdelinger.</p>"
        ),
        "hero_alt": (
            "En kvinde viser en nabo, hvordan en radiatortermostat indstilles i en stue med "
            "planter i vindueskarmen"
        ),
        "hero_caption": (
            "Energiambassadørerne hjælper naboerne med at indstille termostaterne og forstå "
            "varmeregnskabet."
        ),
        "hero_credit": "Ida Marie Bjerre",
    },
    {
        "title": "Grønne krav til leverandørerne: Boligorganisation stiller klimakrav i alle udbud",
        "section": "groen-omstilling",
        "authors": ["tobias-vang-eriksen", "sara-vestergaard-nielsen"],
        "tags": ["Klimakrav", "Drift", "CO2-udledning", "Byggeomkostninger"],
        "lead": (
            "Fra maling og rengøringsmidler til byggematerialer og servicebiler. En "
            "boligorganisation i Nordsjælland stiller nu klimakrav i alle sine udbud. Det har "
            "krævet nye kompetencer og et tæt samarbejde med leverandørerne."
        ),
        "body": (
            "<p>Når en almen boligorganisation køber ind, drejer det sig om store mængder. "
            "Maling, gulve, køkkener, rengøringsmidler, arbejdstøj, biler og byggematerialer "
            "til hundredvis af boliger. Derfor kan indkøbene gøre en mærkbar forskel for "
            "klimaet. Det har Boligselskabet Kattegatkysten i Nordsjælland taget konsekvensen "
            "af. Siden sidste år har boligselskabet stillet klimakrav i alle sine udbud, både i "
            "byggeri, renovering og drift.</p>"
            "<h2>Fra god vilje til faste krav</h2>"
            "<p>Før var det op til den enkelte medarbejder at vælge de grønne løsninger, hvis "
            "de var til rådighed. Nu er der faste krav, som alle leverandører skal leve op "
            "til.</p>"
            "<p>„Vi havde mange gode intentioner, men det var tilfældigt, hvad der blev købt. "
            "Nu har vi sat det i system, og det betyder, at vi kan følge med i, om vi faktisk "
            "reducerer vores udledning,“ siger indkøbschef Rikke Svanholm. Kravene omfatter "
            "blandt andet:</p>"
            "<ul><li>Dokumentation for materialernes klimaaftryk i større "
            "byggeprojekter</li><li>Miljømærkede rengøringsmidler og maling</li><li>Elbiler "
            "eller andre fossilfrie køretøjer i driften</li><li>Krav om genbrug og "
            "genanvendelse ved nedrivning</li></ul>"
            '<blockquote class="pull-quote"><p>Nu har vi sat det i system, og det '
            "betyder, at vi kan følge med i, om vi faktisk reducerer vores "
            'udledning.</p><p class="attribution">Rikke Svanholm, indkøbschef i '
            "Boligselskabet Kattegatkysten</p></blockquote>"
            "<h2>Leverandørerne skal med</h2>"
            "<p>Ikke alle leverandører var klar, da kravene kom. Nogle havde ikke dokumentation "
            "for deres produkters klimaaftryk, og andre havde ikke grønne alternativer i deres "
            "sortiment. Boligselskabet har derfor valgt at gå i dialog med leverandørerne i "
            "stedet for bare at udelukke dem.</p>"
            "<p>„Vi vil hellere hjælpe en lokal leverandør med at blive grønnere end at skifte "
            "ham ud med en stor landsdækkende aktør. Det har vi også en interesse i som en del "
            "af lokalsamfundet,“ siger Rikke Svanholm.</p>"
            "<h2>Koster det mere?</h2>"
            "<p>Et af de store spørgsmål har været prisen. Grønne produkter er nogle gange "
            "dyrere, og for en almen boligorganisation er det vigtigt, at de ekstra udgifter "
            "ikke ender på huslejen.</p>"
            "<p>Erfaringerne fra det første år viser, at nogle ting er blevet lidt dyrere, mens "
            "andre er blevet billigere. Elbilerne har for eksempel lavere driftsudgifter end de "
            "gamle dieselbiler, og de miljømærkede rengøringsmidler koster næsten det samme som "
            "de gamle.</p>"
            "<p>„Samlet set har vi ikke kunnet se en stigning i vores udgifter, der er værd at "
            "tale om. Og vi får noget for pengene: et bedre arbejdsmiljø for vores medarbejdere "
            "og en lavere udledning,“ siger Rikke Svanholm. Boligselskabet har delt sin liste "
            "over klimakrav med andre boligorganisationer, og flere har allerede taget den i "
            "brug. Listen kan findes på <a "
            'href="https://example.org/klimakrav">example.org</a>.</p>'
        ),
        "hero_alt": (
            "En indkøbschef og en leverandør gennemgår prøver på maling og gulvmaterialer ved "
            "et bord"
        ),
        "hero_caption": (
            "Boligorganisationen har lavet en fælles liste over klimakrav, som bruges i alle udbud."
        ),
        "hero_credit": "Camilla Thygesen",
    },
]

# Building blocks for generated filler articles. Templates use the `{place}` placeholder;
# paragraphs, sub-headings, quotes and list items are plain text and combine in any order.
PLACES = [
    "Aalborg Øst",
    "Gellerup",
    "Vollsmose",
    "Nørrebro",
    "Brabrand",
    "Høje-Taastrup",
    "Esbjerg",
    "Svendborg",
    "Tingbjerg",
    "Ishøj",
    "Albertslund",
    "Hvidovre",
    "Randers",
    "Kolding",
    "Vejle",
    "Horsens",
    "Herning",
    "Viborg",
    "Silkeborg",
    "Holstebro",
    "Frederikshavn",
    "Hjørring",
    "Næstved",
    "Slagelse",
    "Holbæk",
    "Roskilde",
    "Køge",
    "Helsingør",
    "Hillerød",
    "Ballerup",
    "Valby",
    "Amager",
    "Bispebjerg",
    "Haderslev",
    "Sønderborg",
    "Aabenraa",
    "Fredericia",
    "Nyborg",
    "Nakskov",
    "Skive",
]

FILLER_HEADLINES = [
    "{place}: Beboerne har stemt ja til en omfattende renovering",
    "Ny helhedsplan skal styrke fællesskabet i {place}",
    "{place} får 120 nye almene familieboliger",
    "Frivillige i {place} åbner lektiecafé for skolebørn",
    "Solceller på tagene skal sænke fællesudgifterne i {place}",
    "{place}: Afdelingsmødet trak fuldt hus",
    "Sådan har {place} fået flere unge med i beboerdemokratiet",
    "{place} forvandler græsplæner til blomstrende enge",
    "Kommune og boligorganisation i {place} indgår nyt partnerskab",
    "{place}: Nye elevatorer gør hverdagen lettere for ældre beboere",
    "Fællesspisning i {place} samler naboer på tværs af generationer",
    "{place}: Huslejen holdes i ro trods stigende udgifter",
    "Nye regnvandsbassiner skal beskytte boligerne i {place} mod skybrud",
    "{place} tester digitale afdelingsmøder",
    "Beboerrådgiverne i {place} hjælper flere i job",
    "{place}: Gamle betonblokke får nyt liv med facader af træ",
    "Unge i {place} tager fritidsjob i boligafdelingen",
    "Energiambassadører i {place} har fået varmeforbruget ned",
    "{place}: Nyt fælleshus står klar til indvielse",
    "Sådan sorterer beboerne i {place} affaldet i ti fraktioner",
    "{place} sætter ind mod ensomhed blandt ældre lejere",
    "Byggeriet i {place} er forsinket, men beboerne bevarer roen",
    "{place}: Ny udviklingsplan ændrer boligområdets udseende",
    "Sommerfesten i {place} blev en succes trods regnvejret",
    "{place} får ny boligsocial indsats for børnefamilier",
    "Tryghedsvandring i {place} giver bedre belysning og færre mørke stier",
    "{place}: Afdelingsbestyrelsen har fået tre nye medlemmer under 30",
    "Nye ungdomsboliger i {place} blev udlejet på rekordtid",
    "{place} vil være fri af fossil opvarmning inden 2030",
    "Beboerne i {place} plantede 500 træer på én weekend",
]

FILLER_LEADS = [
    (
        "Efter flere måneders forberedelse er beboerne i {place} klar til næste skridt. "
        "Afdelingsbestyrelsen håber, at projektet kan mærkes i hverdagen allerede inden for et "
        "år."
    ),
    (
        "I {place} har beboere, medarbejdere og kommune i fællesskab fundet en løsning, der "
        "både tager hensyn til økonomien og til dem, der bor i området."
    ),
    (
        "Et nyt initiativ i {place} skal gøre det lettere at være ny i boligområdet. Bag det "
        "står en gruppe frivillige, der selv kender følelsen af at skulle starte forfra."
    ),
    (
        "Beboerne i {place} har sagt ja på et velbesøgt afdelingsmøde. Nu går arbejdet i gang, "
        "og de første resultater kan ses allerede til foråret."
    ),
    (
        "Stigende udgifter har presset budgettet i {place}. Alligevel er det lykkedes at holde "
        "huslejen i ro, og forklaringen skal findes i en række små, men vedholdende greb."
    ),
    (
        "Med nye grønne arealer og flere træer vil boligområdet i {place} både give plads til "
        "naturen og skabe bedre rammer for fællesskabet."
    ),
    (
        "Det har taget flere år at nå hertil, men nu er planen for {place} på plads. Vi har "
        "talt med nogle af dem, der har været med hele vejen."
    ),
    (
        "Unge beboere i {place} har fået en ny rolle i boligområdet. Det har gjort en forskel "
        "for både de unge selv og for deres naboer."
    ),
    (
        "Samarbejdet mellem boligorganisationen og kommunen i {place} bliver nu styrket med en "
        "ny aftale. Målet er at løse opgaver, som ingen af parterne kan klare alene."
    ),
    (
        "I {place} skal energiforbruget ned, og beboerne er selv med til at finde løsningerne. "
        "Det første år har givet lovende resultater."
    ),
    (
        "Et fællesskab, der er vokset stille og roligt, har forandret hverdagen for en række "
        "ældre beboere i {place}. Nu håber de frivillige på at blive flere."
    ),
    (
        "Byggepladsen i {place} har været en del af hverdagen i lang tid. Nu nærmer projektet "
        "sig sin afslutning, og beboerne kan begynde at se frem."
    ),
    (
        "Afdelingsmødet i {place} blev mere end en gennemgang af regnskabet. Beboerne brugte "
        "aftenen på at diskutere, hvordan området skal se ud om ti år."
    ),
    (
        "Kraftige regnskyl har flere gange sat kældre under vand i {place}. Nu tager "
        "boligorganisationen fat på løsninger, der skal holde i mange år."
    ),
    (
        "Børn og unge i {place} har fået nye tilbud efter skoletid. Bag indsatsen står et "
        "samarbejde mellem frivillige, skolen og den boligsociale helhedsplan."
    ),
    (
        "Der er kommet nye ansigter i beboerdemokratiet i {place}. De nye medlemmer af "
        "afdelingsbestyrelsen vil især arbejde for flere fælles aktiviteter."
    ),
    (
        "Tilgængeligheden i {place} har længe været en udfordring for beboere med rollator "
        "eller kørestol. En ny plan skal ændre på det."
    ),
    (
        "Affaldssorteringen i {place} er blevet både lettere og mere overskuelig. Det skyldes "
        "ikke mindst en ihærdig indsats fra driftsmedarbejderne."
    ),
    (
        "Flere beboere i {place} har meldt sig som frivillige det seneste år. "
        "Boligorganisationen vil nu gøre det endnu lettere at tage en tjans."
    ),
    (
        "En ny boligafdeling i {place} står klar til de første lejere. Byggeriet er planlagt "
        "med fokus på fællesskab, lave driftsudgifter og et mindre klimaaftryk."
    ),
]

FILLER_PARAGRAPHS = [
    (
        "Projektet er blevet til i tæt dialog med beboerne. Gennem et halvt år har "
        "afdelingsbestyrelsen holdt åbne møder, gåture i området og uformelle kaffemøder i "
        "fælleshuset, hvor alle kunne komme med idéer og bekymringer. Mange af forslagene fra "
        "de møder er endt i den endelige plan."
    ),
    (
        "Økonomien har været et gennemgående tema i drøftelserne. Beboerne har været optaget "
        "af, hvad projektet betyder for huslejen, og boligorganisationen har derfor regnet "
        "flere modeller igennem. Den løsning, der blev valgt, giver en beskeden stigning, som "
        "ifølge afdelingsbestyrelsen står mål med forbedringerne."
    ),
    (
        "For driftsmedarbejderne betyder ændringen en ny måde at arbejde på. I stedet for at "
        "rykke ud, når noget er gået i stykker, skal de i højere grad forebygge. Det kræver "
        "bedre planlægning og et tættere samarbejde med beboerne, som ofte er de første til at "
        "opdage et problem."
    ),
    (
        "Kommunen har været med fra begyndelsen. Forvaltningen har blandt andet bidraget med "
        "viden om trafik, skoler og grønne områder, og der er aftalt faste møder, hvor "
        "boligorganisationen og kommunen følger op på fremdriften. Begge parter kalder "
        "samarbejdet konstruktivt, selv om de ikke altid har været enige."
    ),
    (
        "De frivillige mødes hver anden uge i fælleshuset. Nogle har været med i mange år, "
        "andre er kommet til for nylig. Fælles for dem er, at de gerne vil gøre en forskel for "
        "deres naboer, og at de selv får noget ud af det: nye bekendtskaber, en fast rytme i "
        "ugen og følelsen af at høre til."
    ),
    (
        "Erfaringer fra andre boligområder viser, at den slags indsatser virker bedst, når de "
        "er forankret lokalt. Det er ikke nok, at en konsulent kommer udefra med en god idé. "
        "Beboerne skal selv føle ejerskab, og derfor har afdelingsbestyrelsen spillet en "
        "central rolle hele vejen igennem."
    ),
    (
        "Afdelingsmødet er beboerdemokratiets vigtigste forum. Her godkender beboerne "
        "budgettet, vælger afdelingsbestyrelse og beslutter, om der skal gennemføres større "
        "forbedringer. Alle beboere har stemmeret, og i år var fremmødet højere end i mange år, "
        "hvilket bestyrelsen selv tilskriver emnerne på dagsordenen. Efter mødet blev der "
        "serveret kaffe og kage, og mange blev hængende."
    ),
    (
        "Den grønne omstilling fylder mere og mere i boligområderne. Det handler ikke kun om at "
        "spare på energien, men også om at give plads til naturen og skabe udearealer, som "
        "beboerne faktisk bruger. Mange afdelinger arbejder i disse år med begge dele på én "
        "gang."
    ),
    (
        "Renoveringen gennemføres i etaper, så beboerne ikke skal genhuses længere end højst "
        "nødvendigt. Under arbejdet er der indrettet en prøvebolig, hvor beboerne kan se "
        "materialer og løsninger, og der er en fast kontaktperson, som svarer på spørgsmål om "
        "alt fra støj til nøgler."
    ),
    (
        "Ensomhed er et problem, der sjældent kan ses udefra. Mange af dem, der føler sig "
        "alene, har ikke lyst til at fortælle det til andre. Derfor arbejder de frivillige med "
        "en stille tilgang: en invitation i postkassen, et bank på døren og et tilbud om at "
        "tage en ven med første gang."
    ),
    (
        "Boligområdet rummer omkring 800 beboere fordelt på familieboliger, ældreboliger og en "
        "mindre gruppe ungdomsboliger. Området blev opført i 1970’erne og har siden gennemgået "
        "flere mindre renoveringer. Den seneste større opgradering ligger dog mere end tyve år "
        "tilbage. Mange af beboerne har boet her i årtier, men i de senere år er der også "
        "flyttet flere unge familier til."
    ),
    (
        "Landsbyggefonden har givet tilsagn om støtte til projektet. Uden den støtte ville det "
        "ifølge boligorganisationen ikke være muligt at gennemføre renoveringen uden en markant "
        "huslejestigning. Støtten dækker blandt andet en del af udgifterne til nye tage, "
        "facader og bedre tilgængelighed. Resten finansieres over afdelingens egen økonomi."
    ),
    (
        "Indsatsen evalueres løbende. Hvert halve år gør medarbejderne status sammen med "
        "afdelingsbestyrelsen og kommunen, og planen justeres, hvis noget ikke virker efter "
        "hensigten. Det har allerede ført til flere ændringer, blandt andet nye åbningstider og "
        "et større fokus på de yngste beboere."
    ),
    (
        "For mange børnefamilier er hverdagen travl, og overskuddet til at deltage i "
        "fællesskabet kan være begrænset. Derfor har boligorganisationen valgt at lægge "
        "aktiviteterne på tidspunkter, hvor de passer ind, for eksempel med fællesspisning lige "
        "efter arbejdstid og børnepasning under møderne. Det har givet flere nye ansigter ved "
        "bordene."
    ),
    (
        "Energiforbruget i afdelingen er faldet markant, siden de nye vinduer og den ekstra "
        "isolering kom på plads. Beboerne kan mærke det på varmeregningen, og samtidig er "
        "indeklimaet blevet bedre. Flere fortæller, at de ikke længere mærker træk fra "
        "vinduerne om vinteren. Og driftsudgifterne er faldet tilsvarende."
    ),
    (
        "Det nye fælleshus er tegnet, så det kan bruges til mange forskellige ting. Der er et "
        "stort køkken til fællesspisning, et lokale til møder og et rum, hvor de mindste børn "
        "kan lege. Beboerne kan også leje huset til private fester for et mindre beløb."
    ),
    (
        "Tryghed handler ikke kun om kriminalitet. Det handler også om belysning, overskuelige "
        "stier og om at kende sine naboer. Når beboerne hilser på hinanden og ved, hvem der bor "
        "i opgangen, føler de fleste sig mere trygge, også når det bliver mørkt."
    ),
    (
        "Flere unge beboere har fået fritidsjob gennem den boligsociale indsats. Jobbene "
        "spænder fra hjælp i driften til opgaver i lokale butikker. For mange af de unge er det "
        "deres første erfaring med arbejdsmarkedet, og den erfaring kan gøre det lettere at få "
        "det næste job."
    ),
    (
        "Biodiversiteten har fået bedre vilkår, efter at en del af græsplænerne er blevet lagt "
        "om til blomstereng. Græsset slås nu kun et par gange om året, og der er plantet "
        "hjemmehørende buske og træer. Resultatet er flere insekter, flere fugle og et mere "
        "varieret udeområde."
    ),
    (
        "Beslutningen blev ikke truffet uden diskussion. På afdelingsmødet var der beboere, der "
        "frygtede for økonomien, og andre, der mente, at projektet ikke gik langt nok. Efter en "
        "lang debat endte et klart flertal dog med at stemme for forslaget. Nu er det op til "
        "afdelingsbestyrelsen at følge projektet tæt."
    ),
    (
        "Byggeriet er planlagt med særligt fokus på materialernes klimaaftryk. Der er valgt træ "
        "i store dele af konstruktionen, og bygherren har stillet krav om, at en del af "
        "materialerne skal være genbrugt. Det gør projektet lidt dyrere at opføre, men "
        "billigere at drive."
    ),
    (
        "De ældre beboere har været særligt optaget af tilgængeligheden. Trapper, tunge døre og "
        "manglende elevatorer har i årevis gjort det svært for nogle at komme ud. Med de nye "
        "løsninger kan flere blive boende i deres bolig, også når benene ikke vil helt som før."
    ),
    (
        "Boligorganisationen understreger, at projektet er et langt sejt træk. Der vil komme "
        "perioder, hvor det går langsomt, og hvor resultaterne er svære at se. Men erfaringerne "
        "fra tidligere projekter viser, at tålmodighed og vedholdenhed betaler sig. Derfor er "
        "der afsat tid og penge til at følge op, også efter at de første resultater er i hus."
    ),
    (
        "Digitale løsninger har gjort det lettere at følge med i, hvad der sker i afdelingen. "
        "Beboerne kan nu se referater, budgetter og nyheder i en app, og de kan melde fejl "
        "direkte til driften. Samtidig holder boligorganisationen fast i opslag og breve til "
        "dem, der ikke er digitale."
    ),
    (
        "Samarbejdet med de lokale foreninger er afgørende. Idrætsklubben, spejderne og den "
        "lokale kirke har alle bidraget med aktiviteter og frivillige, og det har gjort det "
        "muligt at lave et bredere tilbud, end boligorganisationen kunne have skabt alene. "
        "Flere af foreningerne har i dag faste aftener i fælleshuset."
    ),
    (
        "Huslejen i afdelingen ligger i dag på niveau med tilsvarende boliger i området. "
        "Afdelingsbestyrelsen har gennem flere år haft fokus på at holde udgifterne nede, "
        "blandt andet ved at udskyde mindre presserende vedligeholdelse og ved at genforhandle "
        "aftaler med leverandører. Det arbejde vil bestyrelsen gerne fortsætte."
    ),
    (
        "Arkitekterne har arbejdet med at bevare områdets særpræg. De karakteristiske gule "
        "mursten er genbrugt, hvor det var muligt, og de nye altaner er tegnet, så de passer "
        "til bygningernes oprindelige udtryk. Samtidig har boligerne fået større vinduer og "
        "mere lys. Det har beboerne taget godt imod."
    ),
    (
        "For at nå flere beboere er invitationerne blevet oversat til flere sprog, og der er "
        "tolke til stede ved de store møder. Det har ifølge afdelingsbestyrelsen betydet, at "
        "beboere, der aldrig tidligere har deltaget, nu både kommer og tager ordet. Flere af "
        "dem er siden blevet valgt ind i bestyrelsen."
    ),
    (
        "Indsatsen er en del af boligorganisationens arbejde med de almene mål, som peger på "
        "både robuste, grønne og demokratiske fællesskaber. Projektet rammer på mange måder "
        "alle tre, fordi det på samme tid handler om boliger, om natur og om at give beboerne "
        "indflydelse."
    ),
    (
        "Næste skridt er at samle erfaringerne og dele dem med andre afdelinger. "
        "Boligorganisationen planlægger en temadag til foråret, hvor beboere og medarbejdere "
        "fra hele organisationen kan høre om projektet og stille spørgsmål til dem, der har "
        "været med. Erfaringerne bliver også samlet i en kort pjece."
    ),
]

FILLER_SUBHEADINGS = [
    "Et langt sejt træk",
    "Beboerne har det sidste ord",
    "Økonomien skal hænge sammen",
    "Fællesskabet i centrum",
    "Næste skridt",
    "Erfaringer fra andre afdelinger",
    "Kommunen er med",
    "Grønne ambitioner",
    "Plads til alle",
    "Livet efter byggeriet",
    "Frivillige gør forskellen",
    "Det siger beboerne",
    "En investering i fremtiden",
    "Udfordringer undervejs",
    "Hvad sker der nu?",
]

FILLER_QUOTES = [
    (
        (
            "Vi har lært, at de bedste idéer ofte kommer fra beboerne selv. Vores opgave er at "
            "give dem plads."
        ),
        "Birgitte Aagaard Lund, formand for afdelingsbestyrelsen",
    ),
    (
        "Det handler om at skabe et sted, man gerne vil blive boende i hele livet.",
        "Henrik Thuesen, direktør i boligorganisationen",
    ),
    (
        "Når naboerne kender hinanden, bliver alting lettere – også når der opstår problemer.",
        "Fatima Kaya, frivillig i beboerhuset",
    ),
    (
        "Vi skal passe på økonomien, men vi skal også turde investere i fremtiden.",
        "Jens Peter Bundgaard, formand for organisationsbestyrelsen",
    ),
    (
        (
            "Grøn omstilling er ikke noget, vi gør for at blive klappet på skulderen. Det er "
            "noget, vi skylder vores børn."
        ),
        "Louise Brandt, projektleder for klima og energi",
    ),
    (
        (
            "Der er ingen, der kan løse det her alene. Det kræver, at kommune, "
            "boligorganisation og beboere trækker i samme retning."
        ),
        "Ole Krogh, boligsocial leder",
    ),
    (
        "Jeg var skeptisk i starten, men i dag kan jeg slet ikke forestille mig afdelingen uden.",
        "Gitte Hvelplund, beboer gennem 25 år",
    ),
    (
        "De unge har så meget at byde på. Vi skal bare huske at spørge dem.",
        "Yasmin El-Amin, ungerådgiver",
    ),
    (
        "En god bolig er fundamentet for alt det andet: arbejde, skole og helbred.",
        "Søren Mølgaard, afdelingsleder i kommunens socialforvaltning",
    ),
    (
        (
            "Vi bygger ikke bare boliger. Vi bygger rammerne om de fællesskaber, der skal leve "
            "i dem de næste hundrede år."
        ),
        "Maria Lindholm, arkitekt",
    ),
]

FILLER_LIST_ITEMS = [
    "Nye vinduer og bedre isolering",
    "Flere træer og blomsterbede",
    "Fælles værktøjsudlån i kælderen",
    "Lektiecafé to gange om ugen",
    "Nye elevatorer i alle opgange",
    "Bedre belysning på stier og parkeringspladser",
    "Fællesspisning den første fredag i måneden",
    "Solceller på tagene",
    "Affaldsøer med plads til ti fraktioner",
    "Ladestandere til elbiler",
    "Tryghedsvandring med politi og kommune",
    "Legeplads med regnvandsbassin",
    "Fritidsjob til unge beboere",
    "Mødested for ældre beboere",
    "Digital opslagstavle for hele afdelingen",
    "Cykelværksted drevet af frivillige",
    "Renovering af køkkener og badeværelser",
    "Nyt fælleshus med storkøkken",
    "Rådgivning om økonomi og gæld",
    "Velkomstpakke til nye beboere",
]

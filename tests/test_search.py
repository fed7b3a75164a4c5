"""Search: Danish full text on PostgreSQL, a simpler search on SQLite, and bad input."""

from datetime import timedelta

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from articles.caching import forget_local_state
from articles.models import Article, SearchWord, state_change
from articles.search import clean_query, index_words
from newsroom import workflow

from .factories import ArticleFactory, GoalFactory, SectionFactory, UserFactory

pytestmark = pytest.mark.django_db
postgres = pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL search")
# From an empty cache: the content version, the header's sections and the search form's three
# lists of choices; then the search: on SQLite the matches, on PostgreSQL the word's lexemes,
# the article count, the planner's estimate, the newest matches and their ranks; and one
# page of hits.
SEARCH_PAGE_BUDGET = 11


def hits(client, **params):
    response = client.get("/soeg/", params)
    assert response.status_code == 200
    return response, [article.title for article in response.context["hits"]]


class TestOnEveryDatabase:
    def test_finds_words_in_title_lead_and_body_and_never_drafts(self, client):
        ArticleFactory(title="Ny helhedsplan i Gellerup")
        ArticleFactory(title="Om lead", lead="Helhedsplanen er vedtaget.")
        ArticleFactory(title="Om brødtekst", body="<p>En ny helhedsplan for området.</p>")
        ArticleFactory(title="Hemmelig helhedsplan", draft=True)
        ArticleFactory(title="Planlagt helhedsplan", scheduled=True)
        ArticleFactory(title="Noget andet")
        _, titles = hits(client, q="helhedsplan")
        assert set(titles) == {"Ny helhedsplan i Gellerup", "Om lead", "Om brødtekst"}

    def test_number_of_hits_and_filters_kept_in_pagination(self, client):
        section = SectionFactory(name="Boligpolitik")
        for _ in range(21):
            ArticleFactory(section=section, title="Husleje og boligpolitik")
        ArticleFactory(title="Husleje i en anden sektion")
        response, titles = hits(client, q="husleje", sektion=section.slug)
        page = response.content.decode()
        assert "21 resultater for „husleje“" in page
        assert len(titles) == 20
        assert 'href="?q=husleje&amp;sektion=boligpolitik&amp;side=2"' in page
        _, second = hits(client, q="husleje", sektion=section.slug, side="2")
        assert len(second) == 1

    def test_filters_for_tag_goal_and_year(self, client):
        goal = GoalFactory()
        tagged = ArticleFactory(title="Fjernvarme med emne", tags=["Klima"])
        with_goal = ArticleFactory(title="Fjernvarme med mål")
        with_goal.goals.add(goal)
        old = ArticleFactory(
            title="Fjernvarme i gamle dage",
            published_at=timezone.now().replace(year=2020),
        )
        assert hits(client, q="fjernvarme", emne="klima")[1] == [tagged.title]
        assert hits(client, q="fjernvarme", maal=goal.slug)[1] == [with_goal.title]
        assert hits(client, q="fjernvarme", aar="2020")[1] == [old.title]
        assert len(hits(client, q="fjernvarme", aar="abc")[1]) == 3  # a bad year is ignored

    @pytest.mark.parametrize(
        "query",
        [
            "",
            "   ",
            "x" * 10_000,
            "Ⅻ ﬁnd 𝔟𝔬𝔩𝔦𝔤 😀 ب",
            "-- ' \" ( ) & | ! :* <> \\ % _ * ? ~ ^",
            "a & | !",
            '"ikke afsluttet',
            "OR AND NOT",
        ],
    )
    def test_bad_queries_give_a_page(self, client, query):
        ArticleFactory(title="Boligorganisation")
        response = client.get("/soeg/", {"q": query, "side": "abc", "aar": "x" * 500})
        assert response.status_code == 200

    def test_nul_in_the_query_is_a_bad_request(self, client):
        # Refused for every page by almene.middleware.RejectNulMiddleware, before the search.
        response = client.get("/soeg/", {"q": "bolig\x00organisation"})
        assert response.status_code == 400

    def test_query_is_cleaned(self):
        assert clean_query("  bolig\x00 \torganisation  ") == "bolig organisation"
        assert len(clean_query("x" * 10_000)) == 200
        assert clean_query(None) == ""

    def test_ranking_is_capped_and_says_when_more_matched(self, client, monkeypatch, committed):
        monkeypatch.setattr("articles.search.MAX_CANDIDATES", 3)
        for _ in range(3):
            ArticleFactory(title="Beboerdemokrati")
        assert "3 resultater for" in hits(client, q="beboerdemokrati")[0].content.decode()
        with committed():
            ArticleFactory(title="Beboerdemokrati igen", published_at=timezone.now())
        response, titles = hits(client, q="beboerdemokrati")
        assert "Mere end 3 resultater" in response.content.decode()
        assert len(titles) == 3 and "Beboerdemokrati igen" in titles  # the newest are ranked

    def test_remembered_results_follow_publishing_and_unpublishing(self, client, committed):
        first = ArticleFactory(title="Vaskeri i kælderen")
        assert hits(client, q="vaskeri")[1] == [first.title]
        editor = UserFactory(groups=["Redaktør"])
        with committed():
            second = ArticleFactory(title="Nyt vaskeri", draft=True, with_image=True)
        assert hits(client, q="vaskeri")[1] == [first.title]
        with committed():
            workflow.publish(second, editor)
        assert set(hits(client, q="vaskeri")[1]) == {first.title, second.title}
        with committed():
            workflow.unpublish(first, editor)
        assert hits(client, q="vaskeri")[1] == [second.title]

    def test_a_repeated_search_asks_no_search_of_the_database(self, client):
        for number in range(25):
            ArticleFactory(title=f"Grøn omstilling {number}")
        hits(client, q="omstilling", side="2")
        with CaptureQueriesContext(connection) as queries:
            _, titles = hits(client, q="omstilling", side="2")
        assert len(titles) == 5
        assert not [query for query in queries if "articles_article" in query["sql"]]

    def test_query_count_does_not_grow_with_the_hits(self, client, django_assert_max_num_queries):
        def fresh_search_queries():
            cache.clear()
            forget_local_state()
            with CaptureQueriesContext(connection) as queries:
                hits(client, q="affald")
            return len(queries)

        ArticleFactory(title="Affald", tags=["Miljø"], with_image=True)
        few = fresh_search_queries()
        for _ in range(30):
            ArticleFactory(title="Affald og genbrug", tags=["Miljø", "Drift"], with_image=True)
        assert fresh_search_queries() == few
        cache.clear()
        forget_local_state()
        with django_assert_max_num_queries(SEARCH_PAGE_BUDGET):
            hits(client, q="affald")

    def test_empty_query_explains(self, client):
        page = client.get("/soeg/").content.decode()
        assert "Skriv et eller flere ord" in page


@postgres
class TestPostgres:
    def test_stemming(self, client):
        ArticleFactory(title="En ny bolig til alle")
        assert hits(client, q="boliger")[1] == ["En ny bolig til alle"]

    def test_compound_word_found_by_its_part(self, client):
        ArticleFactory(title="Boligorganisationer samarbejder", lead="")
        index_words()
        assert hits(client, q="boligorganisation")[1] == ["Boligorganisationer samarbejder"]
        assert hits(client, q="organisation")[1] == ["Boligorganisationer samarbejder"]

    def test_search_syntax_is_read_as_such(self, client):
        ArticleFactory(title="Ny organisation i Aarhus")
        ArticleFactory(title="Ny organisation i Odense")
        ArticleFactory(title="Organisationen er ny")
        index_words()
        assert hits(client, q="organisation -odense")[1] == [
            "Ny organisation i Aarhus",
            "Organisationen er ny",
        ]
        assert set(hits(client, q='"ny organisation"')[1]) == {
            "Ny organisation i Aarhus",
            "Ny organisation i Odense",
        }

    def test_a_stop_word_asks_nothing_of_the_articles(self, client):
        ArticleFactory(title="Renovering af taget")
        ArticleFactory(title="Efterårets generalforsamling")
        index_words()  # "efter" is part of "efterårets", but is itself a stop word
        assert hits(client, q="renovering efter")[1] == ["Renovering af taget"]

    @pytest.mark.parametrize("visit_cost", [0, 10**9], ids=["from-the-index", "in-order"])
    def test_both_ways_to_the_newest_matches_agree(self, client, monkeypatch, visit_cost):
        monkeypatch.setattr("articles.search.INDEX_VISIT_COST", visit_cost)
        monkeypatch.setattr("articles.search.MAX_CANDIDATES", 3)
        now = timezone.now()
        for days in range(5):
            ArticleFactory(title=f"Tagterrasse {days}", published_at=now - timedelta(days=days))
            ArticleFactory(title=f"Kælder {days}", published_at=now - timedelta(days=days))
        response, titles = hits(client, q="tagterrasse")
        assert sorted(titles) == ["Tagterrasse 0", "Tagterrasse 1", "Tagterrasse 2"]
        assert "Mere end 3 resultater" in response.content.decode()

    def test_title_ranks_above_body(self, client):
        ArticleFactory(title="Om drift", body="<p>Varmepumper er fremtiden.</p>")
        ArticleFactory(title="Varmepumper i alle afdelinger", body="<p>Om drift.</p>")
        assert hits(client, q="varmepumper")[1] == ["Varmepumper i alle afdelinger", "Om drift"]

    def test_highlighted_snippet(self, client):
        ArticleFactory(
            title="Rapport",
            lead="Beboerne i Vollsmose",
            body="<p>Der er bygget <strong>solceller</strong> på tagene & mere.</p>",
        )
        page = hits(client, q="solceller")[0].content.decode()
        assert "<mark>solceller</mark>" in page
        assert "<strong>" not in page.split("search-results")[1]  # tags are not in snippets
        assert "&amp; mere" in page

    def test_vector_follows_edits_by_every_path(self, client):
        article = ArticleFactory(title="Gammel titel")
        article.title = "Klimatilpasning i Esbjerg"
        article.save()
        assert hits(client, q="klimatilpasning")[1] == ["Klimatilpasning i Esbjerg"]
        type(article).objects.filter(pk=article.pk).update(lead="Skybrud og regnvand")
        assert hits(client, q="skybrud")[1] == ["Klimatilpasning i Esbjerg"]

    def test_did_you_mean(self, client):
        ArticleFactory(title="Boligorganisationen i Odense")
        index_words()
        response, titles = hits(client, q="boligorganisatonen")
        assert titles == []
        assert response.context["suggestion"] == "boligorganisationen"
        assert "Mente du" in response.content.decode()

    def test_words_of_a_saved_article_are_indexed(self, django_capture_on_commit_callbacks):
        from articles.models import SearchWord

        with django_capture_on_commit_callbacks(execute=True):
            ArticleFactory(title="Affaldssorteringsordning")
        assert SearchWord.objects.filter(word="affaldssorteringsordning").exists()


@postgres
class TestSuggestionsOnlyFromPublicWords:
    """Suggestions ("Mente du …?") offer only words the public can already find (issue 11,
    item 2)."""

    def suggestion(self, client, query):
        cache.clear()
        forget_local_state()
        return hits(client, q=query)[0].context["suggestion"]

    def test_a_drafts_words_are_never_offered(self, client, committed):
        with committed():
            ArticleFactory(title="Skyggeprojektet i Vollsmose", draft=True)
            ArticleFactory(title="Skyggeprojektet næste år", scheduled=True)
            ArticleFactory(title="Helhedsplanen i Vollsmose")
        assert self.suggestion(client, "skyggeprojekett") == ""
        assert self.suggestion(client, "helhedspaln") == "helhedsplanen"

    def test_words_leave_when_the_last_published_article_holding_them_does(self, client, committed):
        editor = UserFactory(groups=["Redaktør"])
        with committed():
            first = ArticleFactory(title="Vindmølleparken ved Aarhus", with_image=True)
            second = ArticleFactory(title="Vindmølleparken i Esbjerg", with_image=True)
            third = ArticleFactory(title="Solcelleanlægget på taget", with_image=True)
        assert self.suggestion(client, "vindmølleparkne") == "vindmølleparken"

        with committed():
            workflow.unpublish(first, editor)
        assert SearchWord.objects.filter(word="vindmølleparken").exists()  # second holds it
        with committed():
            second.delete()
        assert not SearchWord.objects.filter(word="vindmølleparken").exists()
        assert self.suggestion(client, "vindmølleparkne") == ""

        third.title, third.lead = "Varmepumpen på taget", "Ny varme."
        with committed():
            third.save()
        assert not SearchWord.objects.filter(word="solcelleanlægget").exists()
        assert SearchWord.objects.filter(word="varmepumpen").exists()

    def test_a_scheduled_articles_words_are_offered_once_it_is_out(self, client, committed):
        with committed():
            soon = ArticleFactory(title="Renoveringsstøtten stiger", scheduled=True)
        assert self.suggestion(client, "renoveringsstøtte") == ""
        with state_change():  # behind the workflow's back, on purpose
            Article.objects.filter(pk=soon.pk).update(published_at=timezone.now())
        assert self.suggestion(client, "renoveringsstøttne") == "renoveringsstøtten"

    def test_the_migration_keeps_only_published_articles_words(self, committed):
        import importlib

        migration = importlib.import_module("articles.migrations.0010_search_words_from_published")
        ArticleFactory(title="Offentliggjort", body="<p>Kendt tekst.</p>")
        ArticleFactory(title="Hemmelighedsfuld", body="<p>Skjult tekst.</p>", draft=True)
        SearchWord.objects.create(word="hemmelighedsfuld")  # as the old indexing left it

        class Editor:
            pass

        editor = Editor()
        editor.connection = connection
        editor.execute = lambda sql: connection.cursor().execute(sql)
        migration.rebuild(None, editor)
        words = set(SearchWord.objects.values_list("word", flat=True))
        assert {"offentliggjort", "kendt", "tekst"} <= words
        assert "hemmelighedsfuld" not in words and "skjult" not in words

"""Almene mål: programmes, goals, indicators and their pages."""

import xml.etree.ElementTree as ET
from datetime import date
from decimal import Decimal

import pytest
from django.db import IntegrityError, connection, transaction
from django.test.utils import CaptureQueriesContext

from articles.caching import store
from goals.charts import chart_for, format_value
from goals.models import Effort, GoalProgramme

from .factories import (
    ArticleFactory,
    GoalFactory,
    GoalProgrammeFactory,
    IndicatorFactory,
    MeasurementFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def programme():
    return GoalProgrammeFactory(
        title="Almene mål 2024-2026", slug="almene-maal-2024-2026", is_current=True
    )


def count_queries(client, url) -> int:
    store.forget_versions()  # what was made before is read at once, as its commit would make
    client.get(url)
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


class TestProgramme:
    def test_only_one_current_programme(self, programme):
        with pytest.raises(IntegrityError), transaction.atomic():
            GoalProgrammeFactory(is_current=True)
        other = GoalProgrammeFactory.build(is_current=True, slug="andet")
        with pytest.raises(Exception, match="Et andet program er gældende"):
            other.full_clean()

    def test_overview_shows_goals_efforts_counts_and_latest_three(self, client, programme):
        goal = GoalFactory(programme=programme, title="Ambitiøse grønne fællesskaber")
        Effort.objects.create(goal=goal, text="Klimakrav i alle udbud", position=0)
        empty = GoalFactory(programme=programme, title="Mål uden artikler", position=1)
        articles = [ArticleFactory(title=f"Grøn nyhed {n}") for n in range(4)]
        for article in articles:
            article.goals.add(goal)
        for hidden in (ArticleFactory(draft=True), ArticleFactory(scheduled=True)):
            hidden.goals.add(goal)

        page = client.get("/almene-maal/").content.decode()

        assert "<h1>Almene mål 2024-2026</h1>" in page
        assert "Vedtaget" in page and "BL&#x27;s repræsentantskab" in page
        assert "Klimakrav i alle udbud" in page
        assert "4 artikler om målet" in page and "0 artikler om målet" in page
        assert [a.title in page for a in articles] == [True, True, True, False]
        assert page.index("Ambitiøse grønne fællesskaber") < page.index(empty.title)

    def test_earlier_programmes_stay_reachable(self, client, programme):
        earlier = GoalProgrammeFactory(title="Almene pejlemærker 2021-2023", first_year=2021)
        GoalFactory(programme=earlier, title="Et gammelt mål")
        page = client.get("/almene-maal/").content.decode()
        assert f'href="/almene-maal/program/{earlier.slug}/"' in page
        earlier_page = client.get(earlier.get_absolute_url()).content.decode()
        assert "Et gammelt mål" in earlier_page and "tidligere program" in earlier_page
        # The current programme lives at /almene-maal/ only.
        assert client.get(f"/almene-maal/program/{programme.slug}/").status_code == 404

    def test_without_a_current_programme(self, client):
        response = client.get("/almene-maal/")
        assert response.status_code == 404 and "Siden findes ikke" in response.content.decode()

    def test_overview_queries_do_not_grow(self, client, programme):
        def add_goal_with_articles(n):
            goal = GoalFactory(programme=programme)
            Effort.objects.create(goal=goal, text="En indsats")
            for _ in range(n):
                ArticleFactory().goals.add(goal)

        add_goal_with_articles(1)
        few = count_queries(client, "/almene-maal/")
        for _ in range(3):
            add_goal_with_articles(6)
        assert count_queries(client, "/almene-maal/") == few <= 6


class TestGoalPage:
    def test_description_efforts_indicators_and_articles(self, client, programme):
        goal = GoalFactory(programme=programme, title="Grønne fællesskaber")
        Effort.objects.create(goal=goal, text="Solceller på tagene")
        indicator = IndicatorFactory(goal=goal, name="Andel med solceller", unit="%")
        MeasurementFactory(
            indicator=indicator, measured_on=date(2024, 6, 30), value=Decimal("67.5")
        )
        article = ArticleFactory(title="Solceller i Aarhus")
        article.goals.add(goal)
        draft = ArticleFactory(title="Hemmelig kladde", draft=True)
        draft.goals.add(goal)

        response = client.get(goal.get_absolute_url())
        page = response.content.decode()
        assert "<h1>Grønne fællesskaber</h1>" in page
        assert "<h2>Baggrund</h2>" in page and "Solceller på tagene" in page
        assert "Andel med solceller" in page and '<svg class="chart"' in page
        assert '<th scope="row">juni 2024</th><td>67,5 %</td>' in page
        assert "Udgangspunktet var 60 % i 2023." in page  # the chart's text alternative
        assert "25 % af vejen" in page
        assert "Solceller i Aarhus" in page and "Hemmelig kladde" not in page
        assert "Artikler om målet (1)" in page
        assert f'href="/almene-maal/{goal.slug}/feed/"' in page

    def test_empty_goal_without_indicators(self, client, programme):
        goal = GoalFactory(programme=programme)
        page = client.get(goal.get_absolute_url()).content.decode()
        assert "Der er endnu ingen artikler om dette mål." in page
        assert "Sådan går det" not in page

    def test_pagination_and_bad_input(self, client, programme):
        goal = GoalFactory(programme=programme)
        for _ in range(21):
            ArticleFactory().goals.add(goal)
        assert "Side 2 af 2" in client.get(goal.get_absolute_url(), {"side": "2"}).content.decode()
        assert client.get(goal.get_absolute_url(), {"side": "abc"}).status_code == 200
        assert client.get(goal.get_absolute_url(), {"side": "9999"}).status_code == 404
        assert client.get("/almene-maal/findes-ikke/").status_code == 404

    def test_queries_do_not_grow(self, client, programme):
        goal = GoalFactory(programme=programme)
        indicator = IndicatorFactory(goal=goal)
        MeasurementFactory(indicator=indicator)
        ArticleFactory(with_image=True).goals.add(goal)
        few = count_queries(client, goal.get_absolute_url())
        for _ in range(3):
            extra = IndicatorFactory(goal=goal)
            for _ in range(3):
                MeasurementFactory(indicator=extra)
            Effort.objects.create(goal=goal, text="Endnu en indsats")
        for _ in range(15):
            ArticleFactory(with_image=True).goals.add(goal)
        assert count_queries(client, goal.get_absolute_url()) == few <= 8


class TestCharts:
    def test_higher_is_better(self):
        indicator = IndicatorFactory(baseline_value=Decimal(60), target_value=Decimal(90))
        MeasurementFactory(indicator=indicator, measured_on=date(2024, 6, 30), value=Decimal(70))
        MeasurementFactory(indicator=indicator, measured_on=date(2025, 6, 30), value=Decimal(81))
        chart = chart_for(indicator)
        assert [p.kind for p in chart.points] == [
            "baseline",
            "measurement",
            "measurement",
            "target",
        ]
        assert [p.value for p in chart.points] == ["60 %", "70 %", "81 %", "90 %"]
        assert indicator.progress == 70
        # Time runs left to right, higher values stand higher (smaller y).
        xs, ys = [p.x for p in chart.points], [p.y for p in chart.points]
        assert xs == sorted(xs) and ys == sorted(ys, reverse=True)
        assert chart.y_ticks[0][1] == "0" and [label for _, label in chart.x_ticks] == [
            "2023",
            "2024",
            "2025",
            "2026",
        ]

    def test_lower_is_better_and_setbacks(self):
        indicator = IndicatorFactory(
            name="CO2",
            unit="kg CO2e/m²/år",
            baseline_value=Decimal("8.9"),
            target_value=Decimal("6.5"),
        )
        MeasurementFactory(indicator=indicator, measured_on=date(2024, 6, 1), value=Decimal("9.2"))
        assert indicator.progress == 0  # worse than the start: no progress, not negative
        MeasurementFactory(indicator=indicator, measured_on=date(2025, 6, 1), value=Decimal("7.7"))
        assert indicator.progress == 50
        chart = chart_for(indicator)
        assert "Målet er 6,5 kg CO2e/m²/år i 2026. Det er 50 % af vejen." in chart.summary

    def test_no_measurements_yet(self):
        chart = chart_for(IndicatorFactory())
        assert [p.kind for p in chart.points] == ["baseline", "target"]
        assert "Seneste måling" not in chart.summary

    def test_danish_numbers(self):
        assert format_value(Decimal("1200.50"), "boliger") == "1.200,5 boliger"
        assert format_value(Decimal("62.00"), "%") == "62 %"


class TestArticlesAndFrontPage:
    def test_article_page_goal_box(self, client, programme):
        goal = GoalFactory(programme=programme, title="Levende demokratiske fællesskaber")
        article = ArticleFactory()
        article.goals.add(goal)
        page = client.get(article.get_absolute_url()).content.decode()
        assert "Artiklen handler om Almene mål" in page
        assert f'<a href="/almene-maal/{goal.slug}/">' in page

    def test_front_page_band_of_current_goals(self, client, programme):
        GoalFactory(programme=programme, title="Robuste fællesskaber")
        GoalFactory(programme=GoalProgrammeFactory(), title="Gammelt mål")
        page = client.get("/").content.decode()
        assert "Robuste fællesskaber" in page and "Gammelt mål" not in page
        assert 'href="/almene-maal/"' in page

    def test_goal_feed_has_only_published_articles(self, client, programme):
        goal = GoalFactory(programme=programme)
        ArticleFactory(title="Udgivet om målet", with_image=True).goals.add(goal)
        ArticleFactory(title="Kladde om målet", draft=True).goals.add(goal)
        response = client.get(f"/almene-maal/{goal.slug}/feed/")
        root = ET.fromstring(response.content)
        titles = [item.findtext("title") for item in root.iter("item")]
        assert titles == ["Udgivet om målet"]
        enclosure = next(root.iter("enclosure"))
        assert enclosure.get("url").startswith("http://testserver/media/renditions/")


class TestGoalAdmin:
    def test_editor_manages_goals_journalist_only_reads(self, client, programme):
        goal = GoalFactory(programme=programme)
        url = f"/admin/goals/goal/{goal.pk}/change/"
        client.force_login(UserFactory(groups=["Redaktør"]))
        assert client.get(url).status_code == 200
        assert client.get("/admin/goals/goalprogramme/add/").status_code == 200
        client.force_login(UserFactory(groups=["Journalist"]))
        assert client.get(url).status_code == 200  # view only
        assert client.post(url, {"title": "Ændret"}).status_code == 403
        assert client.get("/admin/goals/goal/add/").status_code == 403

    def test_journalist_can_search_goals_for_an_article(self, client, programme):
        GoalFactory(programme=programme, title="Grønne fællesskaber")
        client.force_login(UserFactory(groups=["Journalist"]))
        response = client.get(
            "/admin/autocomplete/",
            {
                "term": "grøn",
                "app_label": "articles",
                "model_name": "article",
                "field_name": "goals",
            },
        )
        assert [r["text"] for r in response.json()["results"]] == ["Grønne fællesskaber"]

    def test_goal_description_is_sanitized(self, programme):
        goal = GoalFactory(
            programme=programme, description='<p onclick="x()">Tekst</p><script>1</script>'
        )
        assert goal.description == "<p>Tekst</p>"


def test_programme_years_in_order():
    with pytest.raises(IntegrityError), transaction.atomic():
        GoalProgrammeFactory(first_year=2026, last_year=2024)
    assert GoalProgramme.objects.count() == 0

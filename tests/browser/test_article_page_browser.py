"""The article page in a real browser: what CSS alone decides (issue 21, the public part)."""

import pytest

from tests.factories import ArticleFactory, AuthorFactory, image_file

from .conftest import DESKTOP, PHONE

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["desktop", "phone"])
def test_the_authors_photo_is_a_circle_beside_a_long_bio(live_server, page_at, viewport):
    """ "Om skribenten" keeps its 96 px round photo however long the text beside it: the
    photo's column must not give way to the text (it was squashed to a sliver)."""
    author = AuthorFactory(
        name="Lone Bach",
        photo=image_file(size=(400, 600), name="portraet.jpg"),
        bio="Lone skriver om boligpolitik, renovering og beboerdemokrati. " * 6,
    )
    article = ArticleFactory(authors=[author])
    page = page_at(viewport)
    page.goto(live_server.url + article.get_absolute_url())
    photo = page.locator(".author-box__photo img")
    photo.scroll_into_view_if_needed()
    box = photo.bounding_box()
    assert box is not None
    assert round(box["width"]) == round(box["height"]) == 96, box
    radius = photo.evaluate("image => getComputedStyle(image).borderRadius")
    assert radius == "50%", radius

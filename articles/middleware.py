from .reading_list import ReadingList


class ReadingListMiddleware:
    """Gives every request ``request.reading_list`` (lazy: no query until asked) and keeps
    the reader's cookie: set at the first add, dropped when it names no list."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        request.reading_list = ReadingList(request)
        response = self.get_response(request)
        request.reading_list.update_cookie(response)
        return response

from articles.caching.invalidation import connect_public

from .models import Effort, Goal, GoalProgramme, Indicator, Measurement

# The goal pages, the article pages' goal boxes and the front page show these.
connect_public([GoalProgramme, Goal, Effort, Indicator, Measurement])

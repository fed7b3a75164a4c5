from django.db.models.signals import post_delete, post_save

from articles.caching import bump_after_commit

from .models import Effort, Goal, GoalProgramme, Indicator, Measurement

# The goal pages, the article pages' goal boxes and the front page show these.
for model in [GoalProgramme, Goal, Effort, Indicator, Measurement]:
    post_save.connect(bump_after_commit, sender=model, dispatch_uid=f"bump-save-{model}")
    post_delete.connect(bump_after_commit, sender=model, dispatch_uid=f"bump-delete-{model}")

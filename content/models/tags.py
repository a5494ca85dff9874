"""The tags of news items: an editor's own, or a former site's categories and tags brought in by an import."""

from django.db import models
from modelcluster.fields import ParentalKey
from taggit.models import TaggedItemBase


class NewsArticleTag(TaggedItemBase):
    content_object = ParentalKey(
        "content.NewsArticlePage", on_delete=models.CASCADE, related_name="tagged_items"
    )

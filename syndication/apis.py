"""``/api/network/agenda/`` and ``/api/network/news/``: the network's events and news, as JSON (or CSV)."""

from drf_spectacular.utils import extend_schema
from rest_framework.response import Response

from network.apis import CSV_PARAMETER, NetworkApi

from .selectors import agenda_events, network_news, posts_page
from .serializers import (
    AgendaFiltersSerializer,
    NetworkPostSerializer,
    PostFiltersSerializer,
    PostResultsSerializer,
)


class PostListApi(NetworkApi):
    filters_class = PostFiltersSerializer

    def posts(self, filters: dict):
        raise NotImplementedError

    def get(self, request):
        params = self.filters_class.from_query(request.query_params)
        params.is_valid(raise_exception=True)
        posts = self.posts(params.filters()).select_related("cpts")
        results = posts_page(
            posts, page=params.validated_data["page"], page_size=params.validated_data["page_size"]
        )
        if self.wants_csv():
            return Response(NetworkPostSerializer(results.posts, many=True).data)
        return Response(PostResultsSerializer(results).data)


@extend_schema(
    summary="Agenda du réseau",
    description="Les événements publiés par toutes les CPTS et la fédération, du plus proche au plus "
    "lointain ; les événements terminés n'apparaissent pas. Le même agenda en iCalendar : "
    "`/agenda.ics`, avec les mêmes filtres.",
    tags=["agenda et actualités"],
    parameters=[CSV_PARAMETER, AgendaFiltersSerializer],
    responses=PostResultsSerializer,
)
class AgendaApi(PostListApi):
    filters_class = AgendaFiltersSerializer

    def posts(self, filters: dict):
        return agenda_events(**filters)


@extend_schema(
    summary="Actualités du réseau",
    description="Les actualités publiées par toutes les CPTS et la fédération, les plus récentes d'abord.",
    tags=["agenda et actualités"],
    parameters=[CSV_PARAMETER, PostFiltersSerializer],
    responses=PostResultsSerializer,
)
class NewsApi(PostListApi):
    def posts(self, filters: dict):
        return network_news(**filters)

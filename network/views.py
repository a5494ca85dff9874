from django.shortcuts import render

from tenants.selectors import cpts_list


def federation_home(request):
    """The federation's landing page: the network's CPTS and where to go next."""
    return render(request, "network/home.html", {"cpts_list": cpts_list()})

from django.shortcuts import render

from tenants.selectors import cpts_list


def federation_home(request):
    """The federation's landing page: the network's CPTS and where to go next."""
    listed = cpts_list()
    return render(
        request,
        "network/home.html",
        {"cpts_list": listed, "demo_notices": any(cpts.demo_notice for cpts in listed)},
    )

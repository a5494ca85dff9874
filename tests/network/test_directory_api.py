def test_directory_lists_every_cpts_with_stage_and_site_url(federation_client, network):
    response = federation_client.get("/api/network/cpts/")
    assert response.status_code == 200
    entries = {entry["short_name"]: entry for entry in response.json()}
    assert set(entries) >= {"alpha", "beta"}
    assert entries["alpha"]["stage"] == "idea"
    assert entries["alpha"]["site_url"] == "http://alpha.localhost/"
    assert entries["beta"]["department_code"] == "54"


def test_directory_is_not_served_on_a_cpts_host(alpha_client):
    assert alpha_client.get("/api/network/cpts/").status_code == 404


def test_network_openapi_schema_documents_only_the_network_api(federation_client, db):
    response = federation_client.get("/api/network/schema/", HTTP_ACCEPT="application/json")
    assert response.status_code == 200
    paths = response.json()["paths"]
    assert "/api/network/cpts/" in paths
    assert all(path.startswith("/api/network/") for path in paths)


def test_api_errors_share_one_json_format(federation_client, db):
    response = federation_client.get("/api/network/nothing-here/")
    assert response.status_code == 404
    assert response.json()["error"]["status"] == 404

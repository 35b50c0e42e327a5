resource "google_cloud_run_v2_service" "this" {
  name     = "demo"
  location = "europe-west1"

  template {
    containers {
      image = 
    }
  }
}

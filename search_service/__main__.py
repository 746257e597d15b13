from search_service.cli import main

raise SystemExit(main())

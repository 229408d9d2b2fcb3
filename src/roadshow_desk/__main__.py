from roadshow_desk.cli import main

raise SystemExit(main())

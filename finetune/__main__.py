"""python -m finetune --config finetune/configs/customer_service.yaml"""

import sys

from finetune.cli import main

sys.exit(main())
